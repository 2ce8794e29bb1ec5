package io.vaultpki.client.sys;

/**
 * A secrets engine mount (https://developer.hashicorp.com/vault/api-docs/system/mounts).
 *
 * @param path        mount path with its trailing slash, possibly nested ({@code team/a/pki/})
 * @param type        engine type, {@code pki} here
 * @param description description, may be empty
 * @param accessor    mount accessor, e.g. {@code pki_1a2b3c4d}; empty in reduced listings
 */
public record SecretsMount(String path, String type, String description, String accessor) {
}

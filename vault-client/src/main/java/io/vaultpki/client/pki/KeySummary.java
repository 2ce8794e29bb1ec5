package io.vaultpki.client.pki;

/**
 * One entry of {@code LIST :mount/keys} (Vault 1.11+, https://developer.hashicorp.com/vault/api-docs/secret/pki#list-keys).
 *
 * @param keyId   the key's id
 * @param keyName {@code key_info.<id>.key_name}, {@code ""} when unnamed
 */
public record KeySummary(String keyId, String keyName) {
}

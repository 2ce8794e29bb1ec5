package io.vaultpki.monitor.pkihealth.input;

/**
 * {@code <mount>/config/acme} (Vault 1.14+, https://developer.hashicorp.com/vault/api-docs/secret/pki#get-acme-configuration).
 *
 * @param enabled ACME is on
 */
public record AcmeConfig(boolean enabled) {
}

package io.vaultpki.monitor.pkihealth.input;

/**
 * {@code <mount>/config/crl} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-revocation-configuration),
 * the fields the checks use.
 *
 * @param disable     CRL building is disabled (Vault's field is {@code disable}, not the CLI's {@code disabled})
 * @param autoRebuild CRLs are rebuilt periodically rather than on every revocation
 */
public record CrlConfig(boolean disable, boolean autoRebuild) {
}

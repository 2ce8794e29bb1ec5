package io.vaultpki.client.pki;

/**
 * One entry of {@code LIST :mount/issuers} (https://developer.hashicorp.com/vault/api-docs/secret/pki#list-issuers).
 *
 * @param id           issuer ID (UUID); the stable key
 * @param name         issuer name, may be {@code ""}
 * @param isDefault    whether this is the mount's default issuer
 * @param serialNumber issuer certificate serial (Vault 1.14+), {@code ""} when not reported
 * @param keyId        key ID, {@code ""} for key-less issuers or before 1.14
 */
public record IssuerSummary(String id, String name, boolean isDefault, String serialNumber, String keyId) {

    /** Name for display: the issuer name, or the ID when the name is empty (docs/vault-compatibility.md#client-pki). */
    public String displayName() {
        return name == null || name.isEmpty() ? id : name;
    }
}

package io.vaultpki.client.pki;

import java.util.Optional;

/**
 * {@code GET :mount/key/:ref} (Vault 1.11+, https://developer.hashicorp.com/vault/api-docs/secret/pki#read-key).
 *
 * @param keyId          {@code key_id}
 * @param keyName        {@code key_name}, {@code ""} when unnamed
 * @param keyType        {@code key_type} ({@code rsa}, {@code ec}, {@code ed25519}; a managed key's real type)
 * @param subjectKeyId   {@code subject_key_id} in colon hex (newer versions)
 * @param managedKeyId   {@code managed_key_id}: present only for a key held by a managed-key backend (HSM, KMS)
 * @param managedKeyName {@code managed_key_name}: likewise
 */
public record PkiKey(String keyId, String keyName, String keyType, Optional<String> subjectKeyId,
                     Optional<String> managedKeyId, Optional<String> managedKeyName) {

    /** Whether the key lives in a managed-key backend, what the {@code hardware_backed_root} check asks. */
    public boolean managed() {
        return managedKeyId.filter(id -> !id.isEmpty()).isPresent();
    }
}

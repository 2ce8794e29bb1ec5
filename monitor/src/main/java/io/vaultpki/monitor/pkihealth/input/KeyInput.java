package io.vaultpki.monitor.pkihealth.input;

import java.util.Objects;
import java.util.Optional;

/**
 * One key of the mount ({@code <mount>/key/<key_id>}).
 *
 * @param id           key id
 * @param managedKeyId the {@code managed_key_id} of a key held by an HSM or KMS (a Vault Enterprise managed key);
 *                     empty for a key Vault stores itself
 */
public record KeyInput(String id, Optional<String> managedKeyId) {

    public KeyInput {
        Objects.requireNonNull(id, "id");
        managedKeyId = managedKeyId == null ? Optional.empty() : managedKeyId.filter(k -> !k.isBlank());
    }
}

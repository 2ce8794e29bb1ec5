package io.vaultpki.client.pki;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code POST :mount/revoke} answered
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#revoke-certificate).
 *
 * @param revocationTime when the certificate was revoked: the time of this call, or the original time when it was
 *                       already revoked (Vault answers 200 with that time); empty when Vault did not revoke it
 *                       because it had already expired (200 with {@code data: null} and a warning, 204 on older
 *                       Vault), see docs/vault-compatibility.md#emulator-pki-engine
 * @param warnings       Vault's warnings, e.g. {@code certificate with serial … already expired; refusing to add to CRL}
 */
public record RevocationResult(Optional<Instant> revocationTime, List<String> warnings) {

    public RevocationResult {
        revocationTime = revocationTime == null ? Optional.empty() : revocationTime;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Whether Vault left the certificate off its CRL because it had already expired (nothing left to revoke). */
    public boolean expired() {
        return revocationTime.isEmpty();
    }
}

package io.vaultpki.monitor.pkihealth.input;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code <mount>/tidy-status} (https://developer.hashicorp.com/vault/api-docs/secret/pki#tidy-status): what
 * {@code tidy_last_run} reads, and what the exposition publishes as the gauges {@code vault_pki_tidy_*}.
 *
 * @param state                   {@code state}: {@code Inactive}, {@code Running}, {@code Finished},
 *                                {@code Error}, {@code Cancelling} or {@code Cancelled}
 * @param error                   {@code error} of the last tidy, when it failed
 * @param timeStarted             {@code time_started} of the last tidy
 * @param timeFinished            {@code time_finished} of the last tidy; empty when no tidy ever finished
 * @param certStoreDeletedCount   {@code cert_store_deleted_count} of the last tidy
 * @param revokedCertDeletedCount {@code revoked_cert_deleted_count} of the last tidy
 * @param currentCertStoreCount   {@code current_cert_store_count}: certificates stored (Vault 1.13+)
 * @param currentRevokedCertCount {@code current_revoked_cert_count}: revoked certificates stored (Vault 1.13+)
 */
public record TidyStatus(String state, Optional<String> error, Optional<Instant> timeStarted,
                         Optional<Instant> timeFinished, long certStoreDeletedCount, long revokedCertDeletedCount,
                         OptionalLong currentCertStoreCount, OptionalLong currentRevokedCertCount) {

    public TidyStatus {
        Objects.requireNonNull(state, "state");
        error = error == null ? Optional.empty() : error.filter(e -> !e.isBlank());
        timeStarted = timeStarted == null ? Optional.empty() : timeStarted;
        timeFinished = timeFinished == null ? Optional.empty() : timeFinished;
        currentCertStoreCount = currentCertStoreCount == null ? OptionalLong.empty() : currentCertStoreCount;
        currentRevokedCertCount = currentRevokedCertCount == null ? OptionalLong.empty() : currentRevokedCertCount;
    }

    /** A status of a mount where no tidy has run: {@code Inactive}, nothing finished. */
    public static TidyStatus neverRun() {
        return new TidyStatus("Inactive", Optional.empty(), Optional.empty(), Optional.empty(), 0, 0,
                OptionalLong.empty(), OptionalLong.empty());
    }
}

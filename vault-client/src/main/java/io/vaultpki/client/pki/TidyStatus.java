package io.vaultpki.client.pki;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET :mount/tidy-status} (https://developer.hashicorp.com/vault/api-docs/secret/pki#tidy-status): the last
 * tidy run since the mount was loaded, and the store counts when auto-tidy maintains them.
 *
 * @param state                   the run's state
 * @param stateText               {@code state} as Vault sent it
 * @param timeStarted             {@code time_started}; empty while inactive
 * @param timeFinished            {@code time_finished} (Finished, Error, Cancelled)
 * @param error                   {@code error} (Error)
 * @param message                 {@code message}
 * @param certStoreDeleted        {@code cert_store_deleted_count}
 * @param revokedCertDeleted      {@code revoked_cert_deleted_count}
 * @param currentCertStoreCount   {@code current_cert_store_count}: only with
 *                                {@code maintain_stored_certificate_counts}
 * @param currentRevokedCertCount {@code current_revoked_cert_count}: likewise
 * @param lastAutoTidyFinished    {@code last_auto_tidy_finished} (1.14+): the mount's start-up time until an
 *                                auto-tidy finishes, so not proof that one ran
 */
public record TidyStatus(State state, String stateText, Optional<Instant> timeStarted, Optional<Instant> timeFinished,
                         Optional<String> error, Optional<String> message, OptionalLong certStoreDeleted,
                         OptionalLong revokedCertDeleted, OptionalLong currentCertStoreCount,
                         OptionalLong currentRevokedCertCount, Optional<Instant> lastAutoTidyFinished) {

    /** Vault's tidy states; {@link #UNKNOWN} for any other text. */
    public enum State {
        INACTIVE, RUNNING, FINISHED, ERROR, CANCELLING, CANCELLED, UNKNOWN;

        /** The state named by Vault's {@code state} text ({@code Inactive}, {@code Running}, ...). */
        public static State of(String text) {
            for (State s : values()) {
                if (s != UNKNOWN && s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            return UNKNOWN;
        }
    }
}

package io.vaultpki.emulator.pki;

import java.time.Instant;

/**
 * The last tidy run of a mount, as {@code tidy-status} reports it
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#tidy-status; {@code pathTidyStatusRead} in
 * https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/path_tidy.go). Set with
 * {@code PkiMount#tidyRun}; the run's parameters are those of the mount's {@link AutoTidyConfig}.
 *
 * @param state                   {@code Inactive}, {@code Running}, {@code Finished}, {@code Error},
 *                                {@code Cancelling} or {@code Cancelled}
 * @param started                 {@code time_started}; null when inactive
 * @param finished                {@code time_finished} (Finished, Error, Cancelled); null otherwise
 * @param error                   {@code error} (Error only)
 * @param message                 {@code message} (cleared when Finished, as Vault does)
 * @param certStoreDeleted        {@code cert_store_deleted_count}
 * @param revokedCertDeleted      {@code revoked_cert_deleted_count}
 * @param missingIssuerCertCount  {@code missing_issuer_cert_count}
 */
public record TidyRun(State state, Instant started, Instant finished, String error, String message,
                      long certStoreDeleted, long revokedCertDeleted, long missingIssuerCertCount) {

    /** Vault's tidy states, with the text {@code tidy-status} shows. */
    public enum State {
        INACTIVE("Inactive"), RUNNING("Running"), FINISHED("Finished"), ERROR("Error"), CANCELLING("Cancelling"),
        CANCELLED("Cancelled");

        private final String text;

        State(String text) {
            this.text = text;
        }

        /** The {@code state} string. */
        public String text() {
            return text;
        }
    }

    public TidyRun {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (state != State.INACTIVE && started == null) {
            throw new IllegalArgumentException("a " + state.text() + " tidy needs a start time");
        }
    }

    /** No tidy since the mount was (re)loaded. */
    public static TidyRun inactive() {
        return new TidyRun(State.INACTIVE, null, null, null, null, 0, 0, 0);
    }

    public static TidyRun running(Instant started, String message) {
        return new TidyRun(State.RUNNING, started, null, null, message, 0, 0, 0);
    }

    public static TidyRun finished(Instant started, Instant finished, long certsDeleted, long revokedDeleted) {
        return new TidyRun(State.FINISHED, started, finished, null, null, certsDeleted, revokedDeleted, 0);
    }

    public static TidyRun failed(Instant started, Instant finished, String error) {
        return new TidyRun(State.ERROR, started, finished, error, "", 0, 0, 0);
    }

    public static TidyRun cancelled(Instant started, Instant finished) {
        return new TidyRun(State.CANCELLED, started, finished, null, "", 0, 0, 0);
    }
}

package io.vaultpki.monitor.refresh;

/**
 * A failure of one refresh step, with a closed reason code.
 *
 * @param engine  the engine label, {@code ""} for monitor-wide failures (login, mount listing)
 * @param reason  why
 * @param message what failed, with the Vault path and status; never a secret
 */
public record RefreshError(String engine, Reason reason, String message) {

    /** The closed set of {@code reason} label values of {@code vault_pki_refresh_errors_total}. */
    public enum Reason {
        PERMISSION_DENIED, NOT_FOUND, TIMEOUT, CONNECTION, TLS, SEALED, RATE_LIMITED, SERVER_ERROR, PARSE_ERROR;

        /** The label value, e.g. {@code permission_denied}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

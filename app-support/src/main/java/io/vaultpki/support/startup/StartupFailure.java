package io.vaultpki.support.startup;

import java.util.Objects;

/**
 * Why an application did not start, reduced to what an operator needs: whether a setting is wrong, and one line
 * saying which and why.
 *
 * @param kind    a wrong setting, a port in use, or any other failure
 * @param message one line, starting with the setting's name for {@link Kind#CONFIGURATION}
 * @param cause   the original exception, for the DEBUG log only
 */
public record StartupFailure(Kind kind, String message, Throwable cause) {

    /** Exit status of a configuration error: like a usage error, retrying cannot help until the setting changes. */
    public static final int CONFIGURATION_EXIT_CODE = 2;
    /** Exit status of any other start-up failure. */
    public static final int FAILURE_EXIT_CODE = 1;

    public enum Kind {
        /** A setting is missing or has a bad value. */
        CONFIGURATION("configuration error"),
        /** The HTTP port is taken by another process. */
        PORT_IN_USE("cannot listen"),
        /** Anything else: a file the app cannot write, an unexpected error. */
        OTHER("cannot start");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public StartupFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The process exit status for this failure. */
    public int exitCode() {
        return kind == Kind.CONFIGURATION ? CONFIGURATION_EXIT_CODE : FAILURE_EXIT_CODE;
    }

    /** The line printed on stderr, e.g. {@code vault-pki-monitor: configuration error: VAULT_ADDR: not a valid URL: ...}. */
    public String line(String application) {
        return application + ": " + kind.label() + ": " + message;
    }
}

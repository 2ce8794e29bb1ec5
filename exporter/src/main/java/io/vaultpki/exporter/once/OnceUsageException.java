package io.vaultpki.exporter.once;

/** The command line of a one-shot run is wrong (exit status 2); the message says what and how to fix it. */
public final class OnceUsageException extends Exception {

    public OnceUsageException(String message) {
        super(message, null, false, false);
    }
}

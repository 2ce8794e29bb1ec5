package io.vaultpki.support.startup;

import java.util.List;

/** The application did not start; {@link #lines()} is what it prints on stderr (one to three lines). */
public final class StartupFailedException extends Exception {

    private final transient StartupFailure failure;
    private final List<String> lines;

    StartupFailedException(StartupFailure failure, List<String> lines) {
        super(String.join(System.lineSeparator(), lines), failure.cause(), false, false);
        this.failure = failure;
        this.lines = List.copyOf(lines);
    }

    public StartupFailure failure() {
        return failure;
    }

    public List<String> lines() {
        return lines;
    }
}

package io.vaultpki.exporter.export;

import java.time.Duration;

/** A renewal asked for inside the minimum interval between issuances (429 with {@code Retry-After}). */
public class RenewalTooSoonException extends RuntimeException {

    private final Duration retryAfter;

    public RenewalTooSoonException(String name, Duration retryAfter) {
        super("export '" + name + "' was issued less than the minimum issuance interval ago; retry in "
                + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package io.vaultpki.exporter.hook;

import java.time.Duration;
import java.util.Locale;

/**
 * How one hook run ended.
 *
 * @param outcome  success (exit 0), failure (non-zero exit or could not start) or timeout (killed)
 * @param exitCode the process's exit code, {@code -1} when it did not exit by itself
 * @param duration wall time from start to end (or to the kill)
 * @param detail   a short explanation for logs and audit: exit code, the last output line, or why it could not
 *                 start; never key material
 */
public record HookResult(Outcome outcome, int exitCode, Duration duration, String detail) {

    /** The closed set of hook outcomes, also a metric label. */
    public enum Outcome { SUCCESS, FAILURE, TIMEOUT }

    /** {@code success}, {@code failure} or {@code timeout}, for the {@code outcome} metric label. */
    public String wire() {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}

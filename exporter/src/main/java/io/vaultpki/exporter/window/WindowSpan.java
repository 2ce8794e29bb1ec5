package io.vaultpki.exporter.window;

import java.time.Duration;
import java.time.Instant;

/**
 * One occurrence of a renew window: from {@code start} (inclusive) to {@code end} (exclusive), both instants, so
 * daylight-saving changes are already resolved.
 */
public record WindowSpan(Instant start, Instant end) {

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}

package io.vaultpki.monitor.refresh;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Honours Vault's {@code Retry-After} for the whole refresh: once any request is told to come back later, no new
 * request starts before then (requests already in flight wait in the client's own retry). A longer pause extends a
 * shorter one, never the reverse; each pause is capped. Thread-safe.
 */
final class RetryAfterPause {

    private final long maxNanos;
    private final LongSupplier nanoTime;
    private long until;

    RetryAfterPause(Duration max) {
        this(max, System::nanoTime);
    }

    RetryAfterPause(Duration max, LongSupplier nanoTime) {
        this.maxNanos = max.toNanos();
        this.nanoTime = nanoTime;
        this.until = nanoTime.getAsLong();
    }

    /** Vault asked to wait {@code retryAfter} (capped): new requests wait until then. */
    synchronized void pauseFor(Duration retryAfter) {
        long end = nanoTime.getAsLong() + Math.min(Math.max(0, retryAfter.toNanos()), maxNanos);
        if (end - until > 0) {
            until = end;
        }
    }

    /** How long new requests still have to wait; zero when no pause runs. */
    synchronized Duration remaining() {
        return Duration.ofNanos(Math.max(0, until - nanoTime.getAsLong()));
    }

    /** Returns at once when no pause runs, else when it is over (a pause extended meanwhile is waited for too). */
    synchronized void await() throws InterruptedException {
        for (long left = until - nanoTime.getAsLong(); left > 0; left = until - nanoTime.getAsLong()) {
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}

package io.vaultpki.monitor.refresh;

import java.time.Duration;

/**
 * Honours Vault's {@code Retry-After} for the whole refresh: once any request is told to come back later, no new
 * request starts before then (requests already in flight wait in the client's own retry). A longer pause extends a
 * shorter one, never the reverse; each pause is capped. Thread-safe.
 */
final class RetryAfterPause {

    private final long maxNanos;
    private long until = System.nanoTime();

    RetryAfterPause(Duration max) {
        this.maxNanos = max.toNanos();
    }

    /** Vault asked to wait {@code retryAfter} (capped): new requests wait until then. */
    synchronized void pauseFor(Duration retryAfter) {
        long end = System.nanoTime() + Math.min(Math.max(0, retryAfter.toNanos()), maxNanos);
        if (end - until > 0) {
            until = end;
            notifyAll();
        }
    }

    /** Returns at once when no pause runs, else when it is over. */
    synchronized void await() throws InterruptedException {
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}

package io.vaultpki.monitor.refresh;

import java.time.Duration;

/**
 * Spaces Vault requests to at most a fixed rate across all refresh threads, so that a monitor of a large Vault never
 * becomes a noticeable part of its load.
 */
final class RequestRateLimiter {

    private final long spacingNanos;
    private long nextFree = System.nanoTime();

    RequestRateLimiter(double perSecond) {
        this.spacingNanos = (long) (Duration.ofSeconds(1).toNanos() / perSecond);
    }

    /** Blocks until the caller may send one request. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFree);
            nextFree = slot + spacingNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

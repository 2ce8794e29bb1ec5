package io.vaultpki.monitor.refresh;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/** Every Vault request of a refresh goes through here: rate-limited and counted by operation and outcome. */
final class VaultCalls {

    private final RequestRateLimiter limiter;
    private final RefreshMetrics metrics;

    VaultCalls(RequestRateLimiter limiter, RefreshMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    <T> T call(String operation, Supplier<T> request) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("refresh interrupted");
        }
        try {
            T result = request.get();
            metrics.request(operation, true);
            return result;
        } catch (RuntimeException e) {
            metrics.request(operation, false);
            throw e;
        }
    }
}

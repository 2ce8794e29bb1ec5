package io.vaultpki.monitor.refresh;

import io.vaultpki.client.failure.FailureReason;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Every Vault request of one refresh goes through here: admitted by the adaptive {@link RequestLimiter} and
 * counted by operation and outcome. The
 * first request that finds Vault unavailable as a whole (sealed, standby without an active node, unreachable, TLS
 * failing; see {@link #stopsTheRefresh}) stops the refresh: that request and
 * every later one of the same refresh throw {@link VaultDown}, so no other mount is asked and the state is published
 * at once instead of after every remaining request has failed in turn (each with the client's retries).
 * {@link #forNextRefresh()} gives the next refresh a clean slate with the same limiter and counters.
 */
final class VaultCalls {

    private final RequestLimiter limiter;
    private final RefreshMetrics metrics;
    private final AtomicReference<RefreshError> vaultDown = new AtomicReference<>();

    VaultCalls(RequestLimiter limiter, RefreshMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /** Calls for a new refresh: same limiter and counters, not stopped. */
    VaultCalls forNextRefresh() {
        return new VaultCalls(limiter, metrics);
    }

    <T> T call(String operation, Supplier<T> request) {
        stopIfVaultDown();
        RequestLimiter.Permit permit = limiter.acquire();
        if (vaultDown.get() != null) {
            permit.unused(); // Vault was found down while this request waited for the limiter
            stopIfVaultDown();
        }
        try {
            T result = request.get();
            permit.succeeded();
            metrics.request(operation, true);
            return result;
        } catch (RuntimeException e) {
            RefreshError error = RefreshError.of("", e);
            // 429 and 503 answers were reported by the client as back-pressure already; a timeout is overload too
            permit.failed(error.reason() == FailureReason.RATE_LIMITED || error.reason() == FailureReason.TIMEOUT);
            metrics.request(operation, false);
            if (stopsTheRefresh(error.reason())) {
                vaultDown.compareAndSet(null, error);
                throw new VaultDown(vaultDown.get(), e);
            }
            throw e;
        }
    }

    /**
     * Whether a failure says Vault as a whole cannot answer. A timeout does not: it is usually one slow object (a
     * LIST of a mount with a million certificates), and stopping there would mark every other mount down with it.
     */
    static boolean stopsTheRefresh(FailureReason reason) {
        return reason.vaultUnavailable() && reason != FailureReason.TIMEOUT;
    }

    private void stopIfVaultDown() {
        RefreshError down = vaultDown.get();
        if (down != null) {
            throw new VaultDown(down, null);
        }
    }

    /** Vault as a whole cannot serve this refresh; carries the first such error, monitor-wide ({@code engine=""}). */
    static final class VaultDown extends RuntimeException {

        private final transient RefreshError error;

        VaultDown(RefreshError error, Throwable cause) {
            super(error.message(), cause, false, false);
            this.error = error;
        }

        RefreshError error() {
            return error;
        }
    }
}

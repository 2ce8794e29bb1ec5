package io.vaultpki.monitor.refresh;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.BlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.event.VaultClientListener;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * How many Vault requests the refresh may have in flight: an adaptive limit ({@link AdaptiveLimit}) that starts at
 * {@value #INITIAL_LIMIT}, grows while Vault's latency stays flat and is cut when latency rises or Vault answers
 * 429/503, never above {@code monitor.refresh.concurrency}. In-flight accounting, RTT measurement and waiting are
 * Netflix concurrency-limits' {@link SimpleLimiter} and {@link BlockingLimiter}. On top of them this class adds what
 * the library does not have: a pause of every new request while a {@code Retry-After} runs
 * ({@link RetryAfterPause}), a cut for a request that met 429/503 even when the client's retry then succeeded, and
 * the optional hard ceiling {@code monitor.refresh.max-requests-per-second} ({@link RequestRateLimiter}).
 *
 * <p>It hears the client's {@link VaultClientEvent.BackPressure} events (every 429/503 answer, also retried ones, on
 * the thread that sent the request), which is why it is a {@link VaultClientListener} bean. Shared by every refresh,
 * so what it learnt about Vault carries over. Thread-safe.
 */
@Singleton
public class RequestLimiter implements VaultClientListener {

    /** Requests in flight when the monitor starts: small, so a struggling Vault is not hit by the first refresh. */
    static final int INITIAL_LIMIT = 2;
    /** The longest pause a {@code Retry-After} can cause, as the client caps it (vault.retry.max-retry-after). */
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /**
     * The pause after a 429 or 503 without {@code Retry-After} (a sealed or standby node sends none): renewed by
     * every such answer, so while the client retries the requests in flight no new one starts, and a Vault found
     * sealed stops the refresh with only those requests sent.
     */
    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

    private final AdaptiveLimit limit;
    private final Limiter<Void> limiter;
    private final Optional<RequestRateLimiter> ceiling;
    private final RetryAfterPause pause;
    /** Set by a back-pressure event on the thread whose request met it; read when that request ends. */
    private final ThreadLocal<Boolean> pressured = ThreadLocal.withInitial(() -> false);

    public RequestLimiter(RefreshConfiguration configuration) {
        this(configuration.concurrency(), Optional.ofNullable(configuration.maxRequestsPerSecond()));
    }

    RequestLimiter(int maxConcurrency, Optional<Double> maxRequestsPerSecond) {
        this(maxConcurrency, maxRequestsPerSecond, System::nanoTime);
    }

    /** With the clock the limit measures round trips with (tests drive it by hand). */
    RequestLimiter(int maxConcurrency, Optional<Double> maxRequestsPerSecond, java.util.function.LongSupplier nanoTime) {
        this.limit = new AdaptiveLimit(Math.min(INITIAL_LIMIT, maxConcurrency), maxConcurrency);
        this.limiter = BlockingLimiter.wrap(SimpleLimiter.newBuilder().named("vault-pki-refresh").limit(limit)
                .clock(nanoTime::getAsLong).build());
        this.ceiling = maxRequestsPerSecond.map(RequestRateLimiter::new);
        this.pause = new RetryAfterPause(MAX_PAUSE, nanoTime);
    }

    /** How long a new request would wait for a {@code Retry-After} pause now. */
    Duration pauseRemaining() {
        return pause.remaining();
    }

    /** The current limit: requests the refresh may have in flight now. */
    public int currentLimit() {
        return limit.getLimit();
    }

    /**
     * Blocks until one more request may go to Vault: after any {@code Retry-After} pause, within the rate ceiling,
     * and under the concurrency limit.
     *
     * @throws CancellationException when the refresh thread is interrupted while waiting
     */
    Permit acquire() {
        try {
            pause.await();
            if (ceiling.isPresent()) {
                ceiling.get().acquire();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("refresh interrupted");
        }
        // BlockingLimiter returns empty only when interrupted (or after an hour, its longest wait)
        Limiter.Listener listener = limiter.acquire(null)
                .orElseThrow(() -> new CancellationException("refresh interrupted"));
        pressured.set(false);
        return new Permit(listener);
    }

    @Override
    public void onEvent(VaultClientEvent event) {
        if (event instanceof VaultClientEvent.BackPressure pressure) {
            pressured.set(true);
            pause.pauseFor(pressure.retryAfter().orElse(DEFAULT_PAUSE));
        }
    }

    private enum Outcome { SAMPLE, DROPPED, IGNORED }

    /** One request's place under the limit; give it back exactly once with its outcome. */
    final class Permit {

        private final Limiter.Listener listener;

        private Permit(Limiter.Listener listener) {
            this.listener = listener;
        }

        /** The request got its answer: a latency sample, or a cut when Vault pushed back on the way. */
        void succeeded() {
            release(pressured.get() ? Outcome.DROPPED : Outcome.SAMPLE);
        }

        /**
         * The request failed: a cut when Vault pushed back (429/503) or did not answer in time; no sample when the
         * failure says nothing about Vault's load (denied, not found, unparsable, ...).
         */
        void failed(boolean overload) {
            release(overload || pressured.get() ? Outcome.DROPPED : Outcome.IGNORED);
        }

        /** The request was never sent (the refresh stopped first). */
        void unused() {
            release(Outcome.IGNORED);
        }

        private void release(Outcome outcome) {
            pressured.set(false);
            switch (outcome) {
                case SAMPLE -> listener.onSuccess();
                case DROPPED -> listener.onDropped();
                case IGNORED -> listener.onIgnore();
            }
        }
    }
}

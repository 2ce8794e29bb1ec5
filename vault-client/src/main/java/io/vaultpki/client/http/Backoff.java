package io.vaultpki.client.http;

import io.vaultpki.client.RetrySettings;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The client's one exponential back-off. After the {@code n}-th failure in a row the delay is bounded by the
 * {@linkplain #ceiling(int) ceiling} {@code min(max, initial * 2^(n-1))}; with full jitter (the default) it is a
 * uniform random time up to that ceiling, without jitter it is the ceiling itself. A server's {@code Retry-After}
 * replaces the computed delay, capped at {@code maxRetryAfter}.
 *
 * <p>Users: the transport's retries ({@link RetrySettings}, full jitter, so clients hit by one outage do not come back
 * in step) and the session's login back-off (no jitter: one client, and a predictable wait is easier to reason
 * about). Immutable and thread-safe when the random source is.
 */
public final class Backoff {

    // doubling stops here; 2^30 times any initial delay of a millisecond or more exceeds any sensible cap
    private static final int MAX_DOUBLINGS = 30;

    private final long initialMillis;
    private final long maxMillis;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;
    private final boolean jitter;

    /** Full jitter with the transport's settings; uses {@code random} for the jitter (inject a seeded one in tests). */
    public Backoff(RetrySettings settings, RandomGenerator random) {
        this(settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(), random, true);
    }

    private Backoff(Duration initial, Duration max, Duration maxRetryAfter, RandomGenerator random, boolean jitter) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
        this.jitter = jitter;
    }

    /**
     * Full jitter: after failure {@code n} a uniform random delay in {@code [0, min(max, initial * 2^(n-1))]};
     * a {@code Retry-After} is capped at {@code max}.
     *
     * @throws IllegalArgumentException when {@code initial} is negative or {@code max} is shorter than it
     */
    public static Backoff withFullJitter(Duration initial, Duration max, RandomGenerator random) {
        checkBounds(initial, max);
        return new Backoff(initial, max, max, Objects.requireNonNull(random, "random"), true);
    }

    /**
     * No jitter: after failure {@code n} exactly {@code min(max, initial * 2^(n-1))}; a {@code Retry-After} is capped
     * at {@code max}. A zero {@code initial} never waits.
     *
     * @throws IllegalArgumentException when {@code initial} is negative or {@code max} is shorter than it
     */
    public static Backoff withoutJitter(Duration initial, Duration max) {
        checkBounds(initial, max);
        return new Backoff(initial, max, max, null, false);
    }

    /**
     * @param failedAttempt the attempt that just failed, starting at 1
     * @param retryAfter    the server's Retry-After, or null
     */
    public Duration delay(int failedAttempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        long ceiling = ceilingMillis(failedAttempt);
        if (!jitter) {
            return Duration.ofMillis(ceiling);
        }
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /**
     * The bound of the delay after failure {@code failedAttempt}: {@code min(max, initial * 2^(failedAttempt-1))}.
     * For callers that narrow the bound further (e.g. to a share of a remaining lifetime) before adding jitter.
     *
     * @throws IllegalArgumentException when {@code failedAttempt} is below 1
     */
    public Duration ceiling(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt starts at 1, was " + failedAttempt);
        }
        return Duration.ofMillis(ceilingMillis(failedAttempt));
    }

    private long ceilingMillis(int failedAttempt) {
        int shift = Math.min(failedAttempt - 1, MAX_DOUBLINGS);
        return initialMillis > (maxMillis >> shift) ? maxMillis : Math.min(maxMillis, initialMillis << shift);
    }

    private static void checkBounds(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative()) {
            throw new IllegalArgumentException("the initial back-off must not be negative, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the maximum back-off (" + max + ") must be at least the initial one ("
                    + initial + ")");
        }
    }

    @Override
    public String toString() {
        return "Backoff[initial=" + initialMillis + "ms, max=" + maxMillis + "ms" + (jitter ? ", full jitter" : "") + "]";
    }
}

package io.vaultpki.client.http;

import io.vaultpki.client.RetrySettings;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before the next attempt: exponential backoff with full jitter (a uniform random time up to
 * {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}), or the server's {@code Retry-After} capped at
 * {@code maxRetryAfter} when it sent one.
 */
public final class Backoff {

    private final RetrySettings settings;
    private final RandomGenerator random;

    /** Uses {@code random} for the jitter (inject a seeded one in tests). */
    public Backoff(RetrySettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * @param failedAttempt the attempt that just failed, starting at 1
     * @param retryAfter    the server's Retry-After, or null
     */
    public Duration delay(int failedAttempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter;
        }
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        int shift = Math.min(failedAttempt - 1, 30);
        long ceiling = initial > (cap >> shift) ? cap : Math.min(cap, initial << shift);
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}

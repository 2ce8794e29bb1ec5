package io.vaultpki.client;

import java.time.Duration;

/**
 * How the transport retries retryable failures: exponential backoff with full jitter, i.e. before attempt
 * {@code n+1} it waits a random time in {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]}. A server's
 * {@code Retry-After} replaces the jittered delay, but never exceeds {@code maxRetryAfter}.
 *
 * @param maxAttempts    total attempts including the first (1 disables retries)
 * @param initialBackoff upper bound of the first delay
 * @param maxBackoff     upper bound of any jittered delay
 * @param maxRetryAfter  cap on a server-sent {@code Retry-After}
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new VaultConfigurationException("vault.retry.max-attempts", "must be at least 1, was " + maxAttempts);
        }
        requirePositive("vault.retry.initial-backoff", initialBackoff);
        requirePositive("vault.retry.max-backoff", maxBackoff);
        requirePositive("vault.retry.max-retry-after", maxRetryAfter);
    }

    /** 4 attempts, 250 ms initial backoff, 5 s max backoff, Retry-After capped at 30 s. */
    public static RetrySettings defaults() {
        return new RetrySettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER);
    }

    /** A copy with another attempt count. */
    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    static void requirePositive(String setting, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new VaultConfigurationException(setting, "must be a positive duration, was " + d);
        }
    }
}

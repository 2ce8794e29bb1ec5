package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;
import io.vaultpki.client.http.Backoff;

import java.time.Duration;
import java.time.Instant;

/**
 * Spaces out failed logins with the client's {@link Backoff} (without jitter: {@code initial * 2^(n-1)} up to the
 * maximum, per {@link SessionOptions#loginBackoff()}), and remembers the last failure so that calls during the wait
 * get it again without a request. Not thread-safe: used under the session's lock.
 */
final class LoginBackoff {

    private final Backoff backoff;
    private int failures;
    private Instant nextAttempt;
    private VaultException lastFailure;

    LoginBackoff(Duration initial, Duration max) {
        this.backoff = Backoff.withoutJitter(initial, max);
    }

    /** Whether {@code now} is still inside the wait after the last failure. */
    boolean waiting(Instant now) {
        return nextAttempt != null && now.isBefore(nextAttempt);
    }

    /** The failure that started the current wait. */
    VaultException lastFailure() {
        return lastFailure;
    }

    /** Failed logins in a row. */
    int failures() {
        return failures;
    }

    /**
     * Counts a failure that happened at {@code now}; the wait starts then, not at the attempt, so a slow login does
     * not eat the back-off.
     *
     * @return the wait before the next attempt
     */
    Duration failed(VaultException failure, Instant now) {
        failures++;
        Duration wait = backoff.delay(failures, null);
        nextAttempt = now.plus(wait);
        lastFailure = failure;
        return wait;
    }

    void succeeded() {
        failures = 0;
        nextAttempt = null;
        lastFailure = null;
    }
}

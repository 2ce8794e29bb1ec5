package io.vaultpki.monitor.refresh;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.http.Backoff;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When the next refresh runs: one interval after a good refresh, sooner after a failed one, so a short Vault blip
 * does not leave {@code /status} NOK for a whole {@code MONITOR_INTERVAL} (an hour, say). The delay after the
 * {@code n}-th failure in a row comes from the Vault client's own {@link Backoff} (exponential with full jitter):
 * uniform in {@code [0, min(interval, FIRST_RETRY_CEILING * 2^(n-1))]}, so retries start within a few seconds, spread
 * out while the failure lasts, and never come later than the interval would have.
 *
 * <p>A refresh failed when Vault was not reachable or an engine is not up. An object left out because it does not
 * parse does not count: retrying soon cannot fix a garbage CRL. Not thread-safe: the one refresh job calls it.
 */
final class RetryAfterFailure {

    /** Ceiling of the first retry's delay (a few seconds: a blip is usually over by then). */
    static final Duration FIRST_RETRY_CEILING = Duration.ofSeconds(5);

    private final Duration interval;
    private final Backoff backoff;
    private int failuresInARow;

    RetryAfterFailure(Duration interval, RandomGenerator random) {
        this.interval = interval;
        // maxAttempts is unused here (this schedule never gives up); Retry-After never applies to a refresh
        this.backoff = new Backoff(new RetrySettings(1, FIRST_RETRY_CEILING, interval, interval), random);
    }

    /** The delay before the refresh after {@code last}. */
    Duration after(PkiSnapshot last) {
        if (succeeded(last)) {
            failuresInARow = 0;
            return interval;
        }
        failuresInARow = Math.min(failuresInARow + 1, 1_000);
        return backoff.delay(failuresInARow, null);
    }

    /** After a refresh that ended with an unexpected exception (a bug): like a failure. */
    Duration afterCrash() {
        failuresInARow = Math.min(failuresInARow + 1, 1_000);
        return backoff.delay(failuresInARow, null);
    }

    static boolean succeeded(PkiSnapshot snapshot) {
        return snapshot.vault().reachable() && snapshot.engines().stream().allMatch(EngineSnapshot::up);
    }
}

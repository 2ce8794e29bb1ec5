package io.vaultpki.monitor.refresh;

import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.monitor.metrics.Snapshots;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.failedEngine;
import static io.vaultpki.monitor.metrics.Snapshots.reachableVault;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterFailureTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private static PkiSnapshot good() {
        return snapshot(engine("pki/", List.of()));
    }

    private static PkiSnapshot vaultDown() {
        VaultState down = new VaultState(Snapshots.ADDRESS, false, Optional.empty(), Optional.empty(),
                Optional.empty(), "", "token", Optional.empty(),
                Optional.of(new RefreshError("", FailureReason.UNREACHABLE, "connection refused")));
        return snapshot(down, engine("pki/", List.of()));
    }

    @Test
    void aGoodRefreshWaitsOneInterval() {
        RetryAfterFailure retry = new RetryAfterFailure(HOUR, new SplittableRandom(1));

        assertThat(retry.after(good())).isEqualTo(HOUR);
    }

    @Test
    void failuresInARowAreRetriedWithinAGrowingCeilingStartingAtAFewSecondsAndNeverLaterThanTheInterval() {
        RetryAfterFailure retry = new RetryAfterFailure(HOUR, new SplittableRandom(7));
        Duration ceiling = RetryAfterFailure.FIRST_RETRY_CEILING;

        for (int failure = 1; failure <= 20; failure++) {
            Duration delay = retry.after(vaultDown());
            assertThat(delay).as("delay after failure %d", failure).isBetween(Duration.ZERO, ceiling);
            ceiling = ceiling.multipliedBy(2).compareTo(HOUR) > 0 ? HOUR : ceiling.multipliedBy(2);
        }
        assertThat(ceiling).isEqualTo(HOUR);
    }

    @Test
    void aGoodRefreshResetsTheBackoff() {
        RetryAfterFailure retry = new RetryAfterFailure(HOUR, new SplittableRandom(3));
        for (int i = 0; i < 10; i++) {
            retry.after(vaultDown());
        }

        assertThat(retry.after(good())).isEqualTo(HOUR);
        assertThat(retry.after(vaultDown())).isLessThanOrEqualTo(RetryAfterFailure.FIRST_RETRY_CEILING);
    }

    @Test
    void anEngineThatIsNotUpCountsAsAFailureButAnObjectLeftOutDoesNot() {
        RetryAfterFailure retry = new RetryAfterFailure(HOUR, new SplittableRandom(5));
        EngineSnapshot withGarbageCrl = new EngineSnapshot("pki/", "", "pki/", true, Optional.of(Snapshots.REFRESHED),
                List.of(), List.of(), List.of(), false,
                List.of(new RefreshError("pki/", FailureReason.PARSE_ERROR, "bad CRL", "pki/issuer/x/crl")));

        assertThat(retry.after(snapshot(reachableVault(Optional.empty()), failedEngine("pki/", List.of()))))
                .isLessThanOrEqualTo(RetryAfterFailure.FIRST_RETRY_CEILING);
        assertThat(retry.after(snapshot(reachableVault(Optional.empty()), withGarbageCrl))).isEqualTo(HOUR);
    }

    @Test
    void anIntervalShorterThanTheFirstCeilingCapsEveryRetry() {
        Duration interval = Duration.ofMillis(100);
        RetryAfterFailure retry = new RetryAfterFailure(interval, new SplittableRandom(9));

        for (int i = 0; i < 5; i++) {
            assertThat(retry.after(vaultDown())).isLessThanOrEqualTo(interval);
        }
    }
}

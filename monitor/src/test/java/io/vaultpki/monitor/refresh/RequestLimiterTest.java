package io.vaultpki.monitor.refresh;

import io.vaultpki.client.event.VaultClientEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh's limiter as the refresh uses it: permits, the client's back-pressure events, {@code Retry-After},
 * driven by a hand-moved clock (no sleeps).
 */
class RequestLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RequestLimiter limiter(int max) {
        return new RequestLimiter(max, Optional.empty(), now::get);
    }

    private static VaultClientEvent.BackPressure pressure(int status, Duration retryAfter) {
        return new VaultClientEvent.BackPressure("GET", "pki/issuers", status, Optional.ofNullable(retryAfter));
    }

    /** A round of {@code n} requests answered in 5 ms. */
    private void round(RequestLimiter limiter, int n) {
        List<RequestLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            permits.add(limiter.acquire());
        }
        now.addAndGet(Duration.ofMillis(5).toNanos());
        permits.forEach(RequestLimiter.Permit::succeeded);
    }

    @Test
    void theDefaultsAreAtMostEightInFlightStartingFromTwo() {
        RequestLimiter limiter = new RequestLimiter(new RefreshConfiguration(Duration.ofMinutes(1),
                RefreshConfiguration.DEFAULT_CONCURRENCY, null, Duration.ZERO));

        assertThat(limiter.currentLimit()).isEqualTo(RequestLimiter.INITIAL_LIMIT).isEqualTo(2);
    }

    @Test
    void aMaximumOfOneStartsAtOne() {
        assertThat(limiter(1).currentLimit()).isEqualTo(1);
    }

    @Test
    void theLimitGrowsWhileVaultAnswersAtAnEvenPaceAndStopsAtTheMaximum() {
        RequestLimiter limiter = limiter(8);
        for (int i = 0; i < 40; i++) {
            round(limiter, limiter.currentLimit());
        }
        assertThat(limiter.currentLimit()).isEqualTo(8);
    }

    @Test
    void aRequestThatMetA429IsADropEvenWhenTheClientsRetryThenSucceeded() {
        RequestLimiter limiter = limiter(8);
        for (int i = 0; i < 40; i++) {
            round(limiter, limiter.currentLimit());
        }

        RequestLimiter.Permit permit = limiter.acquire();
        limiter.onEvent(pressure(429, null)); // on this thread, while the request runs
        now.addAndGet(Duration.ofMillis(5).toNanos());
        permit.succeeded();

        assertThat(limiter.currentLimit()).isEqualTo(4);
    }

    @Test
    void aRetryAfterPausesEveryNewRequestForThatLongAndALongerOneWins() {
        RequestLimiter limiter = limiter(8);

        limiter.onEvent(pressure(429, Duration.ofSeconds(3)));
        limiter.onEvent(pressure(429, Duration.ofSeconds(1)));
        assertThat(limiter.pauseRemaining()).isEqualTo(Duration.ofSeconds(3));

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(limiter.pauseRemaining()).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.pauseRemaining()).isZero();
    }

    @Test
    void anAnswerWithoutRetryAfterPausesForASecondAndAHostileRetryAfterIsCapped() {
        RequestLimiter limiter = limiter(8);

        limiter.onEvent(pressure(503, null));
        assertThat(limiter.pauseRemaining()).isEqualTo(RequestLimiter.DEFAULT_PAUSE);

        limiter.onEvent(pressure(429, Duration.ofDays(365)));
        assertThat(limiter.pauseRemaining()).isEqualTo(RequestLimiter.MAX_PAUSE);
    }

    @Test
    void otherClientEventsChangeNothing() {
        RequestLimiter limiter = limiter(8);

        limiter.onEvent(new VaultClientEvent.LoginFailed("approle", "denied"));

        assertThat(limiter.pauseRemaining()).isZero();
        assertThat(limiter.currentLimit()).isEqualTo(2);
    }

    @Test
    void aFailureThatSaysNothingAboutLoadIsNoSampleAndAnOverloadIsADrop() {
        RequestLimiter limiter = limiter(8);
        for (int i = 0; i < 40; i++) {
            round(limiter, limiter.currentLimit());
        }

        limiter.acquire().failed(false); // e.g. a 403 or an unparsable answer
        assertThat(limiter.currentLimit()).isEqualTo(8);
        limiter.acquire().failed(true); // e.g. a timeout
        assertThat(limiter.currentLimit()).isEqualTo(4);
    }
}

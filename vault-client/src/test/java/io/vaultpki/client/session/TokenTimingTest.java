package io.vaultpki.client.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenTimingTest {

    private final TokenTiming timing = TokenTiming.DEFAULT;
    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void renewsAfterTwoThirdsOfTheTtl() {
        assertThat(timing.nextRefresh(Duration.ofMinutes(30))).contains(Duration.ofMinutes(20));
        assertThat(timing.nextRefresh(Duration.ofSeconds(3))).contains(Duration.ofSeconds(2));
    }

    @Test
    void aTokenThatDoesNotExpireIsNeverRefreshed() {
        assertThat(timing.nextRefresh(Duration.ZERO)).isEmpty();
        assertThat(timing.expiry(now, Duration.ZERO)).isNull();
        assertThat(timing.expiry(now, Duration.ofMinutes(1))).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void aFailedRenewalIsRetriedHalfwayToTheExpiryWhileMoreThanTenSecondsAreLeft() {
        assertThat(timing.renewalRetry(now, now.plus(Duration.ofMinutes(10)))).contains(Duration.ofMinutes(5));
        assertThat(timing.renewalRetry(now, now.plusSeconds(11))).contains(Duration.ofMillis(5500));
    }

    @Test
    void withTenSecondsOrLessLeftTheSessionLogsInInsteadOfRetryingTheRenewal() {
        assertThat(timing.renewalRetry(now, now.plusSeconds(10))).isEmpty();
        assertThat(timing.renewalRetry(now, now.minusSeconds(5))).isEmpty();
    }

    @Test
    void aRenewalMoreThanASecondShortOfTheStartingTtlReachedTheMaxTtl() {
        Duration initial = Duration.ofMinutes(30);

        assertThat(timing.reachedMaxTtl(Duration.ofMinutes(20), initial)).isTrue();
        assertThat(timing.reachedMaxTtl(initial.minusMillis(1001), initial)).isTrue();
        // the second or so that passes between the calls is not a cap
        assertThat(timing.reachedMaxTtl(initial.minusSeconds(1), initial)).isFalse();
        assertThat(timing.reachedMaxTtl(initial, initial)).isFalse();
    }
}

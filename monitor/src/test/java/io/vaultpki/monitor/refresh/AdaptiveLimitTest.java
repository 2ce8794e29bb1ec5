package io.vaultpki.monitor.refresh;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit algorithm alone, fed samples by hand: grows while latency is flat, cut by drops and rising latency. */
class AdaptiveLimitTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** {@code n} answers in {@code rttMs}, each with the limit fully used. */
    private static void answers(AdaptiveLimit limit, int n, long rttMs) {
        for (int i = 0; i < n; i++) {
            limit.onSample(0, rttMs * MS, limit.getLimit(), false);
        }
    }

    @Test
    void itStartsSmallAndGrowsToTheMaximumWhileLatencyStaysFlatButNeverAbove() {
        AdaptiveLimit limit = new AdaptiveLimit(2, 8);
        assertThat(limit.getLimit()).isEqualTo(2);

        answers(limit, 40, 5);
        assertThat(limit.getLimit()).isEqualTo(8);

        answers(limit, 1000, 5);
        assertThat(limit.getLimit()).isEqualTo(8);
    }

    @Test
    void itDoesNotGrowWhileTheRefreshUsesLessThanHalfOfIt() {
        AdaptiveLimit limit = new AdaptiveLimit(4, 8);
        for (int i = 0; i < 100; i++) {
            limit.onSample(0, 5 * MS, 1, false);
        }
        assertThat(limit.getLimit()).isEqualTo(4);
    }

    @Test
    void eachRefusedRequestHalvesItAndAnsweredOnesLetItGrowBack() {
        AdaptiveLimit limit = new AdaptiveLimit(2, 8);
        answers(limit, 40, 5);

        limit.onSample(0, MS, 8, true);
        assertThat(limit.getLimit()).isEqualTo(4);
        limit.onSample(0, MS, 4, true);
        limit.onSample(0, MS, 2, true);
        limit.onSample(0, MS, 1, true);
        assertThat(limit.getLimit()).isEqualTo(1);

        answers(limit, 200, 5);
        assertThat(limit.getLimit()).isEqualTo(8);
    }

    @Test
    void aFastRefusalDoesNotMakeNormalAnswersLookSlow() {
        AdaptiveLimit limit = new AdaptiveLimit(2, 8);
        answers(limit, 40, 5);
        limit.onSample(0, 1000, 8, true); // a 429 answered in a microsecond

        answers(limit, 200, 5);
        assertThat(limit.getLimit()).isEqualTo(8);
    }

    @Test
    void latencyThatRisesWellAboveItsAverageCutsIt() {
        AdaptiveLimit limit = new AdaptiveLimit(2, 8);
        answers(limit, 600, 5);

        answers(limit, 10, 50);
        assertThat(limit.getLimit()).isLessThan(8);
    }
}

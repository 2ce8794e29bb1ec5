package io.vaultpki.client.http;

import io.vaultpki.client.RetrySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final RetrySettings settings = new RetrySettings(10, Duration.ofMillis(250), Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    /** A random source that always picks the top of the range, to expose the ceiling. */
    private final RandomGenerator max = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void ceilingDoublesPerAttemptUpToMaxBackoff() {
        Backoff b = new Backoff(settings, max);

        assertThat(b.delay(1, null)).isEqualTo(Duration.ofMillis(250));
        assertThat(b.delay(2, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.delay(3, null)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.delay(6, null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.delay(40, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fullJitterCanPickZero() {
        Backoff b = new Backoff(settings, new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        });

        assertThat(b.delay(3, null)).isZero();
    }

    @Test
    void retryAfterReplacesTheJitterAndIsCapped() {
        Backoff b = new Backoff(settings, max);

        assertThat(b.delay(1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withoutJitterTheDelayIsExactlyTheCeiling() {
        Backoff b = Backoff.withoutJitter(Duration.ofSeconds(1), Duration.ofMinutes(1));

        assertThat(b.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delay(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delay(6, null)).isEqualTo(Duration.ofSeconds(32));
        assertThat(b.delay(7, null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.delay(Integer.MAX_VALUE, null)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void withoutJitterAZeroInitialDelayNeverWaits() {
        Backoff b = Backoff.withoutJitter(Duration.ZERO, Duration.ZERO);

        assertThat(b.delay(1, null)).isZero();
        assertThat(b.delay(50, null)).isZero();
    }

    @Test
    void withFullJitterNeedsNoRetrySettingsAndCapsRetryAfterAtTheMaximum() {
        Backoff b = Backoff.withFullJitter(Duration.ofMillis(250), Duration.ofSeconds(5), max);

        assertThat(b.delay(3, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theCeilingIsWhatFullJitterDrawsBelow() {
        Backoff b = new Backoff(settings, max);

        for (int attempt = 1; attempt <= 40; attempt++) {
            assertThat(b.delay(attempt, null)).isEqualTo(b.ceiling(attempt));
        }
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(b.ceiling(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void nonsensicalBoundsAndAttemptsAreRejected() {
        assertThatThrownBy(() -> Backoff.withoutJitter(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Backoff.withoutJitter(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the initial");
        assertThatThrownBy(() -> Backoff.withFullJitter(Duration.ofSeconds(1), Duration.ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Backoff.withoutJitter(Duration.ofSeconds(1), Duration.ofSeconds(1)).ceiling(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts at 1");
    }
}

package io.vaultpki.client.http;

import io.vaultpki.client.RetrySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

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
}

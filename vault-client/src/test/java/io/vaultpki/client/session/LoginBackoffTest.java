package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginBackoffTest {

    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final LoginBackoff backoff = new LoginBackoff(SessionOptions.DEFAULT_LOGIN_BACKOFF,
            SessionOptions.DEFAULT_MAX_LOGIN_BACKOFF);

    @Test
    void theWaitDoublesFromTheLoginBackoffUpToItsMaximumWithoutJitter() {
        VaultException failure = new VaultException("login failed");

        assertThat(backoff.failed(failure, now)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failed(failure, now)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.failed(failure, now)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 10; i++) {
            backoff.failed(failure, now);
        }
        assertThat(backoff.failed(failure, now)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.failures()).isEqualTo(14);
    }

    @Test
    void theWaitRunsFromTheFailureAndKeepsTheFailureToThrowAgain() {
        VaultException failure = new VaultException("login failed");
        assertThat(backoff.waiting(now)).isFalse();

        backoff.failed(failure, now);

        assertThat(backoff.waiting(now.plusMillis(999))).isTrue();
        assertThat(backoff.waiting(now.plusSeconds(1))).isFalse();
        assertThat(backoff.lastFailure()).isSameAs(failure);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAfresh() {
        VaultException failure = new VaultException("login failed");
        backoff.failed(failure, now);
        backoff.failed(failure, now);

        backoff.succeeded();

        assertThat(backoff.waiting(now)).isFalse();
        assertThat(backoff.lastFailure()).isNull();
        assertThat(backoff.failed(failure, now)).isEqualTo(Duration.ofSeconds(1));
    }
}

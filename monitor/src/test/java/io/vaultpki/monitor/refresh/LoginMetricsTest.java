package io.vaultpki.monitor.refresh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.auth.TokenFileAuthentication;
import io.vaultpki.client.event.VaultClientEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoginMetrics metrics = new LoginMetrics(new RefreshMetrics(registry));

    private double count(String operation, String outcome) {
        var counter = registry.find("vault.pki.vault.requests").tags("operation", operation, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aLoginMethodCountsOneLoginAndOneLookupPerNewToken() {
        metrics.onEvent(new VaultClientEvent.LoginSucceeded("approle", "acc", Duration.ofHours(1)));

        assertThat(count("login", "success")).isEqualTo(1);
        assertThat(count("lookup_self", "success")).isEqualTo(1);
    }

    @Test
    void aFixedTokenOrTokenFileCountsOnlyItsLookupBecauseNoLoginRequestIsSent() {
        metrics.onEvent(new VaultClientEvent.LoginSucceeded(TokenAuthentication.METHOD, "acc", Duration.ofHours(1)));
        metrics.onEvent(new VaultClientEvent.LoginSucceeded(TokenFileAuthentication.METHOD, "acc2",
                Duration.ofHours(1)));

        assertThat(count("login", "success")).isZero();
        assertThat(count("lookup_self", "success")).isEqualTo(2);
    }

    @Test
    void aFailedLoginCountsAsALoginError() {
        metrics.onEvent(new VaultClientEvent.LoginFailed("kubernetes", "permission denied"));

        assertThat(count("login", "error")).isEqualTo(1);
    }
}

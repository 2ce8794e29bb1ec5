package io.vaultpki.monitor.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshError;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.monitor.refresh.VaultState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VaultReadinessIndicatorTest {

    private static final String ADDRESS = "https://vault.example:8200";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final SnapshotHolder holder = new SnapshotHolder(VaultSettings.builder().address(ADDRESS).build());
    private final VaultReadinessIndicator indicator =
            new VaultReadinessIndicator(holder, GRACE, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void isNotReadyBeforeTheFirstRefresh() {
        HealthResult result = indicator.check();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsEntry("error", "no refresh has completed yet")
                .containsEntry("address", ADDRESS);
    }

    @Test
    void isReadyWhenTheLastRefreshReachedVault() {
        holder.replace(snapshot(reachable(), Optional.of(NOW.minusSeconds(30))));

        HealthResult result = indicator.check();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(details(result)).containsEntry("secondsSinceLastSuccess", 30L).doesNotContainKey("error");
    }

    @Test
    void isNotReadyWhenVaultWasNeverReachedAndExplainsWhy() {
        holder.replace(snapshot(unreachable(FailureReason.PERMISSION_DENIED, "login: 403 permission denied"),
                Optional.empty()));

        HealthResult result = indicator.check();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsEntry("error", "permission_denied: login: 403 permission denied");
    }

    @Test
    void staysReadyWithinTheGraceWhileServingTheLastGoodData() {
        holder.replace(snapshot(unreachable(FailureReason.UNREACHABLE, "connection refused"),
                Optional.of(NOW.minus(GRACE))));

        HealthResult result = indicator.check();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(details(result)).containsEntry("servingLastGoodData", true)
                .containsEntry("error", "unreachable: connection refused");
    }

    @Test
    void becomesUnreadyOnceVaultHasBeenUnreachableLongerThanTheGrace() {
        holder.replace(snapshot(unreachable(FailureReason.TIMEOUT, "sys/health timed out"),
                Optional.of(NOW.minus(GRACE).minusSeconds(1))));

        HealthResult result = indicator.check();

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsEntry("secondsSinceLastSuccess", 301L)
                .containsEntry("error", "timeout: sys/health timed out");
    }

    @Test
    void aZeroGraceTurnsUnreadyAtTheFirstFailedRefresh() {
        var strict = new VaultReadinessIndicator(holder, Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));
        holder.replace(snapshot(unreachable(FailureReason.SEALED, "Vault is sealed"),
                Optional.of(NOW.minusSeconds(60))));

        assertThat(strict.check().getStatus()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void neverShowsCredentialsOfTheVaultAddress() {
        assertThat(VaultReadinessIndicator.withoutUserInfo("https://admin:s3cret@vault.example:8200/x"))
                .isEqualTo("https://vault.example:8200/x");
        assertThat(VaultReadinessIndicator.withoutUserInfo(ADDRESS)).isEqualTo(ADDRESS);
    }

    private static PkiSnapshot snapshot(VaultState vault, Optional<Instant> lastSuccess) {
        return new PkiSnapshot(NOW.minusSeconds(2), NOW.minusSeconds(1), vault, List.of(), lastSuccess);
    }

    private static VaultState reachable() {
        return new VaultState(ADDRESS, true, Optional.of(true), Optional.of(false), Optional.of(false), "1.17.0",
                "token", Optional.empty(), Optional.empty());
    }

    private static VaultState unreachable(FailureReason reason, String message) {
        return new VaultState(ADDRESS, false, Optional.empty(), Optional.empty(), Optional.empty(), "", "token",
                Optional.empty(), Optional.of(new RefreshError("", reason, message)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }
}

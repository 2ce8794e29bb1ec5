package io.vaultpki.monitor.health;

import io.vaultpki.monitor.MonitorSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthConfigurationTest {

    @Test
    void theGraceIsFiveMinutesByDefault() {
        assertThat(MonitorSettings.bound(HealthConfiguration.class, Map.of()).readyGrace())
                .isEqualTo(Duration.ofMinutes(5));
    }

    /** Moved from {@code VaultReadinessIndicatorTest}: the check is the setting's now. */
    @Test
    void rejectsANegativeGrace() {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.health.ready-grace", "-1s")))
                .contains("ready-grace").isEqualTo("monitor.health.ready-grace must not be negative, was PT-1S");
    }
}

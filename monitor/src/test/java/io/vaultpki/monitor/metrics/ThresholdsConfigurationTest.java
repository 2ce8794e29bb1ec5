package io.vaultpki.monitor.metrics;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.monitor.MonitorSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsConfigurationTest {

    private static final Map<String, Object> BASE = Map.of("vault.address", "http://127.0.0.1:1",
            "vault.token", "hvs.never-sent", "vault.auth.method", "token", "monitor.refresh.enabled", "false");

    @Test
    void thresholdsDefaultToThirtyAndSevenDays() {
        try (ApplicationContext context = ApplicationContext.run(BASE)) {
            ExpiryThresholds thresholds = context.getBean(ExpiryThresholds.class);

            assertThat(thresholds.warning()).isEqualTo(Duration.ofDays(30));
            assertThat(thresholds.critical()).isEqualTo(Duration.ofDays(7));
        }
    }

    @Test
    void aCriticalThresholdNotShorterThanWarningStopsStartUp() {
        Map<String, Object> properties = new java.util.HashMap<>(BASE);
        properties.put("monitor.thresholds.warning", "7d");
        properties.put("monitor.thresholds.critical", "30d");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .rootCause().hasMessageContaining("monitor.thresholds.critical");
    }

    @Test
    void aBadThresholdStopsStartUpWithOneLineNamingIt() {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.thresholds.warning", "7d", "monitor.thresholds.critical",
                "30d"))).isEqualTo("monitor.thresholds.critical (PT720H) must be shorter than monitor.thresholds.warning"
                + " (PT168H)");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.thresholds.critical", "0s")))
                .isEqualTo("monitor.thresholds.critical must be a positive duration, was PT0S");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.thresholds.warning", "month")))
                .isEqualTo("monitor.thresholds.warning: not a valid Duration: 'month'");
    }
}

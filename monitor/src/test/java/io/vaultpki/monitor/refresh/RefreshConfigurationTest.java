package io.vaultpki.monitor.refresh;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshConfigurationTest {

    private static final Map<String, String> BOTH_VARIABLES = Map.of("MONITOR_INTERVAL", "90s",
            "METRIC_UPDATE_INTERVAL", "300");

    @Test
    void theConfiguredIntervalWinsOverBothEnvironmentVariables() {
        assertThat(RefreshConfiguration.effectiveInterval(Duration.ofSeconds(15), BOTH_VARIABLES))
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void monitorIntervalIsAGoDurationAndWinsOverThePythonExportersVariable() {
        assertThat(RefreshConfiguration.effectiveInterval(null, BOTH_VARIABLES)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RefreshConfiguration.effectiveInterval(null, Map.of("MONITOR_INTERVAL", "1h")))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void metricUpdateIntervalIsInSeconds() {
        assertThat(RefreshConfiguration.effectiveInterval(null, Map.of("METRIC_UPDATE_INTERVAL", "300")))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withoutAnySettingTheIntervalIsOneMinute() {
        assertThat(RefreshConfiguration.effectiveInterval(null, Map.of())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void invalidEnvironmentValuesNameTheirVariable() {
        assertThatThrownBy(() -> RefreshConfiguration.effectiveInterval(null, Map.of("MONITOR_INTERVAL", "soon")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("MONITOR_INTERVAL");
        assertThatThrownBy(() -> RefreshConfiguration.effectiveInterval(null,
                Map.of("METRIC_UPDATE_INTERVAL", "1m"))).hasMessageContaining("METRIC_UPDATE_INTERVAL");
    }

    @Test
    void validationNamesTheOffendingSetting() {
        RefreshConfiguration zeroConcurrency = new RefreshConfiguration();
        zeroConcurrency.setConcurrency(0);
        assertThatThrownBy(zeroConcurrency::validate).hasMessageContaining("monitor.refresh.concurrency");
        RefreshConfiguration noRate = new RefreshConfiguration();
        noRate.setMaxRequestsPerSecond(0);
        assertThatThrownBy(noRate::validate).hasMessageContaining("monitor.refresh.max-requests-per-second");
        RefreshConfiguration zeroInterval = new RefreshConfiguration();
        zeroInterval.setInterval(Duration.ZERO);
        assertThatThrownBy(zeroInterval::validate).hasMessageContaining("monitor.refresh.interval");
    }
}

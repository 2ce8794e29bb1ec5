package io.vaultpki.monitor.metrics;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.monitor.MonitorSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeafSeriesConfigurationTest {

    private static Map<String, Object> settings(Map<String, Object> leaves) {
        Map<String, Object> properties = new HashMap<>(Map.of("vault.address", "http://127.0.0.1:1",
                "vault.token", "hvs.never-sent", "vault.auth.method", "token", "monitor.refresh.enabled", "false"));
        properties.putAll(leaves);
        return properties;
    }

    @Test
    void defaultsAreTenThousandSeriesWithoutSupersededAndWindowsOfSevenAndThirtyDays() {
        try (ApplicationContext context = ApplicationContext.run(settings(Map.of()))) {
            LeafSeriesConfiguration leaves = context.getBean(LeafSeriesConfiguration.class);

            assertThat(leaves.maxSeries()).isEqualTo(10_000);
            assertThat(leaves.includeSuperseded()).isFalse();
            assertThat(leaves.windows()).containsExactly(Duration.ofDays(7), Duration.ofDays(30));
        }
    }

    @Test
    void settingsBindFromConfiguration() {
        try (ApplicationContext context = ApplicationContext.run(settings(Map.of(
                "monitor.leaves.max-series", "5", "monitor.leaves.include-superseded", "true",
                "monitor.leaves.expiring-windows", "14d,12h")))) {
            LeafSeriesConfiguration leaves = context.getBean(LeafSeriesConfiguration.class);

            assertThat(leaves.maxSeries()).isEqualTo(5);
            assertThat(leaves.includeSuperseded()).isTrue();
            assertThat(leaves.windows()).containsExactly(Duration.ofHours(12), Duration.ofDays(14));
        }
    }

    @Test
    void aNegativeCapIsRejected() {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.leaves.max-series", "-1")))
                .isEqualTo("monitor.leaves.max-series must not be negative, was -1");
        assertThatThrownBy(() -> new LeafSeriesConfiguration(0, false, List.of("0s")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("monitor.leaves.expiring-windows");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.leaves.expiring-windows", "7d,week")))
                .isEqualTo("monitor.leaves.expiring-windows: 'week' is not a duration such as 7d or 720h");
    }
}

package io.vaultpki.monitor.refresh;

import io.vaultpki.monitor.MonitorSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code monitor.refresh.*} as bound and checked at start-up. Where the interval comes from when it is not set
 * ({@code MONITOR_INTERVAL}, {@code METRIC_UPDATE_INTERVAL}) is {@code MonitorEnvironmentAliasesTest}.
 */
class RefreshConfigurationTest {

    @Test
    void withoutAnySettingTheIntervalIsOneMinuteAndTheOthersTheirDefaults() {
        RefreshConfiguration refresh = MonitorSettings.bound(RefreshConfiguration.class, Map.of());

        assertThat(refresh.interval()).isEqualTo(Duration.ofSeconds(60));
        // issue 12: at most 8 requests in flight under the adaptive limit, and no fixed rate unless asked for
        assertThat(refresh.concurrency()).isEqualTo(RefreshConfiguration.DEFAULT_CONCURRENCY).isEqualTo(8);
        assertThat(refresh.maxRequestsPerSecond()).isNull();
        assertThat(refresh.initialDelay()).isZero();
    }

    @Test
    void aRateCeilingCanStillBeSet() {
        assertThat(MonitorSettings.bound(RefreshConfiguration.class,
                Map.of("monitor.refresh.max-requests-per-second", "20")).maxRequestsPerSecond()).isEqualTo(20.0);
    }

    @Test
    void validationNamesTheOffendingSetting() {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.refresh.concurrency", "0")))
                .isEqualTo("monitor.refresh.concurrency must be at least 1, was 0");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.refresh.max-requests-per-second", "0")))
                .isEqualTo("monitor.refresh.max-requests-per-second must be positive, was 0.0");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.refresh.interval", "0s")))
                .isEqualTo("monitor.refresh.interval must be positive, was PT0S");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.refresh.initial-delay", "-5s")))
                .isEqualTo("monitor.refresh.initial-delay must not be negative, was PT-5S");
    }
}

package io.vaultpki.monitor;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replaced tools' variables as the monitor reads them: {@code MONITOR_INTERVAL} (a Go duration) and
 * {@code METRIC_UPDATE_INTERVAL} (seconds) for {@code monitor.refresh.interval}, {@code PKI_MOUNT_PATH} for
 * {@code monitor.mounts.only}; each below every explicit setting. (Moved from {@code RefreshConfigurationTest},
 * where the interval's precedence used to be computed.)
 */
class MonitorEnvironmentAliasesTest {

    private static final Map<String, String> BOTH_VARIABLES = Map.of("MONITOR_INTERVAL", "90s",
            "METRIC_UPDATE_INTERVAL", "300");

    private final MonitorEnvironmentAliases aliases = new MonitorEnvironmentAliases();

    /** The settings bean as a context with these settings and this process environment binds it. */
    private <T> T bound(Class<T> type, Map<String, String> environment, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(MonitorSettings.BASE);
        all.putAll(settings);
        try (ApplicationContext context = ApplicationContext.builder().properties(all)
                .propertySources(aliases.propertySource(environment)).start()) {
            return context.getBean(type);
        }
    }

    private Duration interval(Map<String, String> environment) {
        return bound(RefreshConfiguration.class, environment, Map.of()).interval();
    }

    @Test
    void theConfiguredIntervalWinsOverBothEnvironmentVariables() {
        assertThat(bound(RefreshConfiguration.class, BOTH_VARIABLES, Map.of("monitor.refresh.interval", "15s"))
                .interval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void monitorIntervalIsAGoDurationAndWinsOverThePythonExportersVariable() {
        assertThat(interval(BOTH_VARIABLES)).isEqualTo(Duration.ofSeconds(90));
        assertThat(interval(Map.of("MONITOR_INTERVAL", "1h"))).isEqualTo(Duration.ofHours(1));
        assertThat(interval(Map.of("MONITOR_INTERVAL", "1h30m"))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void metricUpdateIntervalIsInSeconds() {
        assertThat(interval(Map.of("METRIC_UPDATE_INTERVAL", "300"))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withoutAnySettingTheIntervalIsOneMinute() {
        assertThat(interval(Map.of())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void invalidEnvironmentValuesNameTheirVariable() {
        assertThatThrownBy(() -> aliases.propertySource(Map.of("MONITOR_INTERVAL", "soon")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("MONITOR_INTERVAL is not a duration such as 90s or 1h: soon");
        assertThatThrownBy(() -> aliases.propertySource(Map.of("METRIC_UPDATE_INTERVAL", "1m")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METRIC_UPDATE_INTERVAL");
    }

    @Test
    void aZeroMonitorIntervalIsRefusedByTheSettingItStandsFor() {
        assertThatThrownBy(() -> bound(RefreshConfiguration.class, Map.of("MONITOR_INTERVAL", "0s"), Map.of()))
                .hasStackTraceContaining("monitor.refresh.interval must be positive");
    }

    @Test
    void pkiMountPathIsTheOneMountToWatchUnlessTheSettingSaysOtherwise() {
        assertThat(bound(MountsConfiguration.class, Map.of("PKI_MOUNT_PATH", " pki_int/ "), Map.of()).only())
                .isEqualTo("pki_int/");
        assertThat(bound(MountsConfiguration.class, Map.of("PKI_MOUNT_PATH", "pki_int"),
                Map.of("monitor.mounts.only", "pki")).only()).isEqualTo("pki");
        assertThat(bound(MountsConfiguration.class, Map.of("PKI_MOUNT_PATH", " "), Map.of()).onlyMount()).isEmpty();
    }

    @Test
    void everyContextOfTheMonitorGetsTheAliasesAsAService() {
        assertThat(ServiceLoader.load(ApplicationContextConfigurer.class).stream().map(ServiceLoader.Provider::type))
                .contains(MonitorEnvironmentAliases.class);
        assertThat(aliases.variables()).containsExactly("METRIC_UPDATE_INTERVAL", "MONITOR_INTERVAL", "PKI_MOUNT_PATH");
    }
}

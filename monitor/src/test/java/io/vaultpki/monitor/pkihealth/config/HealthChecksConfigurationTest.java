package io.vaultpki.monitor.pkihealth.config;

import io.vaultpki.monitor.MonitorSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code monitor.health-checks.*} as the monitor binds it, and the start-up line a mistake produces. */
class HealthChecksConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void withoutAnySettingEveryCheckButHardwareBackedRootRunsEveryTenRefreshes() {
        HealthCheckConfig config = MonitorSettings.bound(HealthCheckConfig.class, Map.of());
        assertThat(config.enabled()).isTrue();
        assertThat(config.everyRefreshes()).isEqualTo(10);
        assertThat(config.counted()).containsExactlyInAnyOrder(CheckStatus.WARNING, CheckStatus.CRITICAL);
        assertThat(config).isEqualTo(HealthCheckConfig.defaults());
        assertThat(config.settings("hardware_backed_root").enabled()).isFalse();
        assertThat(config.settings("issuance_at_risk").enabled()).isTrue();
    }

    @Test
    void settingsBind() {
        HealthCheckConfig config = MonitorSettings.bound(HealthCheckConfig.class, Map.of(
                "monitor.health-checks.enabled", "false", "monitor.health-checks.every-refreshes", "3",
                "monitor.health-checks.counted-statuses", "critical,insufficient_permissions"));
        assertThat(config.enabled()).isFalse();
        assertThat(config.everyRefreshes()).isEqualTo(3);
        assertThat(config.counted()).containsExactlyInAnyOrder(CheckStatus.CRITICAL,
                CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void perCheckPropertiesOverrideTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("h.json"),
                "{\"tidy_last_run\": {\"enabled\": false}, \"too_many_certs\": {\"count_warning\": 10}}");
        HealthCheckConfig config = MonitorSettings.bound(HealthCheckConfig.class, Map.of(
                "monitor.health-checks.config-file", file.toString(),
                "monitor.health-checks.checks.tidy_last_run.enabled", "true",
                "monitor.health-checks.checks.hardware-backed-root.enabled", "true",
                "monitor.health-checks.checks.ca_validity_period.root_expiry_critical", "200d"));
        assertThat(config.settings("tidy_last_run").enabled()).isTrue();
        assertThat(config.settings("hardware_backed_root").enabled()).isTrue();
        assertThat(config.settings("too_many_certs").integer("count_warning")).isEqualTo(10);
        assertThat(config.settings("ca_validity_period").duration("root_expiry_critical"))
                .isEqualTo(Duration.ofDays(200));
    }

    @Test
    void validationNamesTheOffendingSetting() {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.health-checks.every-refreshes", "0")))
                .isEqualTo("monitor.health-checks.every-refreshes must be at least 1, was 0");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.health-checks.counted-statuses", "warning,bad")))
                .startsWith("monitor.health-checks.counted-statuses has an unknown status \"bad\"");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.health-checks.checks.tidy_last_run.enabled", "maybe")))
                .isEqualTo("monitor.health-checks.checks.tidy_last_run.enabled must be true or false, was \"maybe\"");
    }

    @Test
    void aBadFileStopsStartUpWithOneLineNamingFileCheckAndKey() throws IOException {
        Path file = Files.writeString(dir.resolve("h.json"), "{\"tidy_last_run\": {\"last_run\": \"1d\"}}");
        assertThat(MonitorSettings.startupLine(Map.of("monitor.health-checks.config-file", file.toString())))
                .startsWith("monitor.health-checks.config-file (" + file + "): unknown parameter \"last_run\" of"
                        + " tidy_last_run");
    }
}

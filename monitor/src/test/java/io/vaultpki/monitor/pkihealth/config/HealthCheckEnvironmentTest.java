package io.vaultpki.monitor.pkihealth.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.vaultpki.monitor.MonitorSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-check settings given as environment variables, which Micronaut splits at every underscore. */
class HealthCheckEnvironmentTest {

    @Test
    void environmentVariablesReachTheirCheck() {
        PropertySource env = PropertySource.of("env", Map.of(
                "MONITOR_HEALTH_CHECKS_CHECKS_TIDY_LAST_RUN_ENABLED", "false",
                "MONITOR_HEALTH_CHECKS_CHECKS_CA_VALIDITY_PERIOD_ROOT_EXPIRY_CRITICAL", "200d",
                "MONITOR_HEALTH_CHECKS_EVERY_REFRESHES", "5"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        try (ApplicationContext context = ApplicationContext.builder().properties(MonitorSettings.BASE)
                .propertySources(env).start()) {
            HealthCheckConfig config = context.getBean(HealthCheckConfig.class);
            assertThat(config.everyRefreshes()).isEqualTo(5);
            assertThat(config.settings("tidy_last_run").enabled()).isFalse();
            assertThat(config.settings("ca_validity_period").duration("root_expiry_critical"))
                    .isEqualTo(Duration.ofDays(200));
        }
    }
}

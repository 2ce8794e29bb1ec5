package io.vaultpki.exporter.config;

import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.vaultpki.exporter.ExporterContexts.bound;
import static io.vaultpki.exporter.ExporterContexts.line;
import static io.vaultpki.exporter.ExporterContexts.startupLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code exporter.*} as one validated value: its defaults, the Nomad job's variables through
 * {@link ExporterEnvironmentAliases} (below every explicit setting), and one line naming the setting for each bad
 * value.
 */
class ExporterConfigurationTest {

    private static final String ERROR = "vault-pki-exporter: configuration error: ";

    private static PropertySource variables(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return new ExporterEnvironmentAliases().propertySource(env);
    }

    @Test
    void theDefaultsAreThoseOfTheNomadJob() {
        ExporterConfiguration c = bound(ExporterConfiguration.class, Map.of());

        assertThat(c).isEqualTo(new ExporterConfiguration(Path.of("/exported-certs"), "pki", Duration.ofMinutes(5), 4,
                Duration.ofSeconds(1), false));
        assertThat(c.layout().defaultAuditLog()).isEqualTo(Path.of("/exported-certs/.state/audit.log"));
    }

    @Test
    void theNomadJobsVariablesSupplyTheirSettings() {
        ExporterConfiguration c = bound(ExporterConfiguration.class, Map.of(),
                variables("CERT_EXPORT_PATH", "/srv/certs", "PKI_MOUNT_PATH", "pki_int", "MONITOR_INTERVAL", "1h30m"));

        assertThat(c.path()).isEqualTo(Path.of("/srv/certs"));
        assertThat(c.defaultMount()).isEqualTo("pki_int");
        assertThat(c.refreshInterval()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void anExplicitSettingWinsOverTheVariable() {
        ExporterConfiguration c = bound(ExporterConfiguration.class, Map.of("exporter.path", "/from/setting",
                "exporter.refresh-interval", "2m"), variables("CERT_EXPORT_PATH", "/srv/certs", "MONITOR_INTERVAL", "1h"));

        assertThat(c.path()).isEqualTo(Path.of("/from/setting"));
        assertThat(c.refreshInterval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBadVariableIsOneLineNamingTheVariableAndItsSetting() {
        // read when the context is built, before any bean
        assertThat(line(catchThrowable(() -> variables("MONITOR_INTERVAL", "soon")))).isEqualTo(ERROR
                + "MONITOR_INTERVAL (exporter.refresh-interval): not a duration such as 90s, 5m or 1h30m, was 'soon'");
        assertThat(startupLine(Map.of(), variables("CERT_EXPORT_PATH", "certs")))
                .isEqualTo(ERROR + "exporter.path (CERT_EXPORT_PATH) must be an absolute path, was certs");
        assertThat(startupLine(Map.of(), variables("PKI_MOUNT_PATH", "../sys"))).isEqualTo(ERROR
                + "exporter.default-mount (PKI_MOUNT_PATH) is not a mount path such as pki_int or team/a/pki: '../sys'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "exporter.concurrency|500|exporter.concurrency must be between 1 and 64, was 500",
            "exporter.concurrency|0|exporter.concurrency must be between 1 and 64, was 0",
            "exporter.concurrency|four|exporter.concurrency: not a valid int: 'four'",
            "exporter.concurrency|99999999999|exporter.concurrency: not a valid int: '99999999999'",
            "exporter.refresh-interval|0s|exporter.refresh-interval must be positive, was PT0S",
            "exporter.refresh-interval|-5m|exporter.refresh-interval must be positive, was PT-5M",
            "exporter.refresh-interval|abc|exporter.refresh-interval: not a valid Duration: 'abc'",
            "exporter.scheduler-tick|0s|exporter.scheduler-tick must be positive, was PT0S",
            "exporter.path|certs|exporter.path (CERT_EXPORT_PATH) must be an absolute path, was certs",
            "exporter.default-mount|pki int|exporter.default-mount (PKI_MOUNT_PATH) is not a mount path such as pki_int or"
                    + " team/a/pki: 'pki int'"})
    void aBadValueIsOneLineNamingTheSetting(String setting, String value, String message) {
        assertThat(startupLine(Map.of(setting, value))).isEqualTo(ERROR + message);
    }
}

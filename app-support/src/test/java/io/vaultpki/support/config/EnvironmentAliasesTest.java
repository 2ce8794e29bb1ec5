package io.vaultpki.support.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentAliasesTest {

    /** An app's table, as the monitor and the exporter write theirs. */
    static final class SampleAliases extends EnvironmentAliases {
        SampleAliases() {
            super(List.of(EnvironmentAlias.of("CERT_EXPORT_PATH", "sample.path"),
                    EnvironmentAlias.goDuration("MONITOR_INTERVAL", "sample.interval"),
                    EnvironmentAlias.seconds("METRIC_UPDATE_INTERVAL", "sample.interval")));
        }
    }

    private final SampleAliases aliases = new SampleAliases();

    /** The resolved environment only: the beans of the modules on this classpath are not needed to read settings. */
    private Environment start(Map<String, String> environment, PropertySource... others) {
        var builder = ApplicationContext.builder().propertySources(aliases.propertySource(environment));
        for (PropertySource other : others) {
            builder.propertySources(other);
        }
        return builder.build().getEnvironment().start();
    }

    @Test
    void anAliasSuppliesItsSettingWhenNothingElseSetsIt() {
        try (Environment ctx = start(Map.of("CERT_EXPORT_PATH", " /srv/certs ", "MONITOR_INTERVAL", "1h30m"))) {
            assertThat(ctx.getProperty("sample.path", String.class)).contains("/srv/certs");
            assertThat(ctx.getProperty("sample.interval", Duration.class)).contains(Duration.ofMinutes(90));
        }
    }

    @Test
    void anySettingWinsOverTheAliasEvenApplicationYml() {
        PropertySource applicationYml = PropertySource.of("application", Map.of("sample.path", "/from/yml"), -300);
        PropertySource ownVariable = PropertySource.of("env", Map.of("sample.interval", "2m"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        try (Environment ctx = start(Map.of("CERT_EXPORT_PATH", "/srv/certs", "MONITOR_INTERVAL", "1h"),
                applicationYml, ownVariable)) {
            assertThat(ctx.getProperty("sample.path", String.class)).contains("/from/yml");
            assertThat(ctx.getProperty("sample.interval", Duration.class)).contains(Duration.ofMinutes(2));
        }
    }

    @Test
    void thePythonExportersSecondsAreADuration() {
        try (Environment ctx = start(Map.of("METRIC_UPDATE_INTERVAL", "3600"))) {
            assertThat(ctx.getProperty("sample.interval", Duration.class)).contains(Duration.ofHours(1));
        }
    }

    @Test
    void theFirstListedAliasOfASettingWins() {
        try (Environment ctx = start(Map.of("MONITOR_INTERVAL", "90s", "METRIC_UPDATE_INTERVAL", "3600"))) {
            assertThat(ctx.getProperty("sample.interval", Duration.class)).contains(Duration.ofSeconds(90));
        }
    }

    @Test
    void unsetAndEmptyVariablesSupplyNothing() {
        try (Environment ctx = start(Map.of("CERT_EXPORT_PATH", "  "))) {
            assertThat(ctx.getProperty("sample.path", String.class)).isEmpty();
            assertThat(ctx.getProperty("sample.interval", Duration.class)).isEmpty();
        }
    }

    @Test
    void aValueInTheWrongFormatNamesTheVariableAndTheSetting() {
        assertThatThrownBy(() -> aliases.propertySource(Map.of("MONITOR_INTERVAL", "soon")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("MONITOR_INTERVAL (sample.interval): not a duration such as 90s, 5m or 1h30m, was 'soon'");
        assertThatThrownBy(() -> aliases.propertySource(Map.of("METRIC_UPDATE_INTERVAL", "-5")))
                .hasMessage("METRIC_UPDATE_INTERVAL (sample.interval): not a positive whole number of seconds such as 3600,"
                        + " was '-5'");
        assertThatThrownBy(() -> aliases.propertySource(Map.of("MONITOR_INTERVAL", "0s")))
                .hasMessageStartingWith("MONITOR_INTERVAL (sample.interval): not a duration");
    }

    @Test
    void theVariablesAreListedForChildProcessesAndDocs() {
        assertThat(aliases.variables()).containsExactly("CERT_EXPORT_PATH", "METRIC_UPDATE_INTERVAL", "MONITOR_INTERVAL");
    }
}

package io.vaultpki.exporter.config;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.renewal.RenewalSettings;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.window.RenewWindow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vaultpki.exporter.ExporterContexts.bound;
import static io.vaultpki.exporter.ExporterContexts.startupLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code exporter.exports.<name>.renew-window}, {@code .renew-window-floor} and {@code exporter.renewal.window-floor-percent}. */
class RenewWindowConfigurationTest {

    private static List<ExportSpec> read(String yaml) throws IOException {
        Map<String, Object> props = new YamlPropertySourceLoader().read("test",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        return ConfiguredExports.read(new PropertySourcePropertyResolver(PropertySource.of("test", props)), "pki",
                Hooks.none());
    }

    private static final String WEB = """
            exporter:
              exports:
                web:
                  source: issue
                  role: web
                  common-name: web.example.com
            """;

    @Test
    void theWindowAndItsFloorBindFromTheExportsBlock() throws IOException {
        List<ExportSpec> specs = read(WEB + """
                      renew-window: "Mon-Fri 02:00-04:00 Europe/Berlin"
                      renew-window-floor: 48h
                """);

        assertThat(specs.get(0).renewWindow()).isEqualTo(RenewWindow.parse("Mon-Fri 02:00-04:00 Europe/Berlin"));
        assertThat(specs.get(0).renewWindowFloor()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void anEmptyWindowIsNoWindow() throws IOException {
        assertThat(read(WEB + "      renew-window: \"\"\n").get(0).renewWindow()).isNull();
    }

    @Test
    void aBadWindowStopsStartUpNamingTheSettingAndTheBadPart() {
        assertThatThrownBy(() -> read(WEB + "      renew-window: \"Mon-Fri 02:00-04:00 Europe/Berlinn\"\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exporter.exports.web.renew-window has an unknown time zone 'Europe/Berlinn'");
        assertThatThrownBy(() -> read(WEB + "      renew-window: \"00:00-00:00\"\n"))
                .hasMessageContaining("exporter.exports.web.renew-window has an empty time range '00:00-00:00'");
        assertThatThrownBy(() -> read(WEB + "      renew-window: [Mon, Fri]\n"))
                .hasMessageContaining("exporter.exports.web.renew-window");
    }

    @Test
    void aWindowOnASourceThatDoesNotRenewStopsStartUp() {
        assertThatThrownBy(() -> read("""
                exporter:
                  exports:
                    ca:
                      source: issuer
                      renew-window: "Sat 02:00-04:00"
                """)).hasMessageContaining("exporter.exports.ca.renew-window applies to sources issue and sign only");
    }

    @Test
    void aFloorWithoutAWindowOrNotPositiveStopsStartUp() {
        assertThatThrownBy(() -> read(WEB + "      renew-window-floor: 24h\n"))
                .hasMessageContaining("exporter.exports.web.renew-window-floor applies only together with renew_window");
        assertThatThrownBy(() -> read(WEB + "      renew-window: \"Sat 02:00-04:00\"\n"
                + "      renew-window-floor: 0s\n"))
                .hasMessageContaining("exporter.exports.web.renew-window-floor must be positive");
        assertThatThrownBy(() -> read(WEB + "      renew-window: \"Sat 02:00-04:00\"\n"
                + "      renew-window-floor: soon\n"))
                .hasMessageContaining("exporter.exports.web.renew-window-floor must be a duration");
    }

    @Test
    void theGlobalFloorDefaultsToTenPercentAndBinds() {
        assertThat(bound(RenewalSettings.class, Map.of()).windowFloorPercent()).isEqualTo(10);
        assertThat(bound(RenewalSettings.class, Map.of("exporter.renewal.window-floor-percent", "25"))
                .windowFloorPercent()).isEqualTo(25);
        assertThat(bound(RenewalSettings.class, Map.of())).isEqualTo(new RenewalSettings(33, 5, Duration.ofMinutes(30),
                Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(5), 10));
    }

    @Test
    void aBadGlobalFloorIsOneLineNamingIt() {
        assertThat(startupLine(Map.of("exporter.renewal.window-floor-percent", "0"))).isEqualTo(
                "vault-pki-exporter: configuration error: exporter.renewal.window-floor-percent must be between 1 and 90,"
                        + " was 0");
        assertThat(startupLine(Map.of("exporter.renewal.window-floor-percent", "91")))
                .contains("exporter.renewal.window-floor-percent must be between 1 and 90, was 91");
    }
}

package io.vaultpki.exporter.renewal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.vaultpki.exporter.ExporterContexts.bound;
import static io.vaultpki.exporter.ExporterContexts.startupLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code exporter.renewal.*} as one validated value: the design's defaults, one line naming each bad setting. */
class RenewalSettingsTest {

    private static final String ERROR = "vault-pki-exporter: configuration error: ";

    @Test
    void defaultsAreThoseOfTheDesign() {
        assertThat(bound(RenewalSettings.class, Map.of())).isEqualTo(RenewalPolicyTest.DEFAULTS);
    }

    @Test
    void settingsNameTheInvalidSetting() {
        assertThat(startupLine(Map.of("exporter.renewal.renew-before-percent", "0")))
                .contains("exporter.renewal.renew-before-percent");
        assertThat(startupLine(Map.of("exporter.renewal.renew-before-percent", "91")))
                .contains("exporter.renewal.renew-before-percent");
        assertThat(startupLine(Map.of("exporter.renewal.jitter-percent", "51"))).contains("exporter.renewal.jitter-percent");
        assertThat(startupLine(Map.of("exporter.renewal.jitter-cap", "0s"))).contains("exporter.renewal.jitter-cap");
        assertThat(startupLine(Map.of("exporter.renewal.min-issuance-interval", "-1s")))
                .contains("exporter.renewal.min-issuance-interval");
        assertThat(startupLine(Map.of("exporter.renewal.retry-initial", "2m", "exporter.renewal.retry-max", "1m")))
                .contains("exporter.renewal.retry-initial").contains("exporter.renewal.retry-max");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "exporter.renewal.renew-before-percent|0|exporter.renewal.renew-before-percent must be between 1 and 90, was 0",
            "exporter.renewal.renew-before-percent|100|exporter.renewal.renew-before-percent must be between 1 and 90, was 100",
            "exporter.renewal.renew-before-percent|a third|exporter.renewal.renew-before-percent: not a valid int: 'a third'",
            "exporter.renewal.jitter-percent|-1|exporter.renewal.jitter-percent must be between 0 and 50, was -1",
            "exporter.renewal.jitter-cap|-1s|exporter.renewal.jitter-cap must be a positive duration, was PT-1S",
            "exporter.renewal.retry-initial|0s|exporter.renewal.retry-initial must be a positive duration, was PT0S",
            "exporter.renewal.retry-max|1s|exporter.renewal.retry-initial (PT10S) must not exceed exporter.renewal.retry-max"
                    + " (PT1S)",
            "exporter.renewal.retry-max|never|exporter.renewal.retry-max: not a valid Duration: 'never'"})
    void aBadValueIsOneLine(String setting, String value, String message) {
        assertThat(startupLine(Map.of(setting, value))).isEqualTo(ERROR + message);
    }
}

package io.vaultpki.exporter.access;

import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.vaultpki.exporter.ExporterContexts.bound;
import static io.vaultpki.exporter.ExporterContexts.startupLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code exporter.api.*} limits as one validated value. */
class ApiConfigurationTest {

    @Test
    void bodiesUpTo64KiBAndKeysOnlyOverTlsOrLoopbackByDefault() {
        ApiConfiguration c = bound(ApiConfiguration.class, Map.of());

        assertThat(c.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(c.allowInsecureKeyTransport()).isFalse();
    }

    @Test
    void theLimitsAreRead() {
        ApiConfiguration c = bound(ApiConfiguration.class, Map.of("exporter.api.max-body-size", "1MiB",
                "exporter.api.allow-insecure-key-transport", "true"));

        assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(new KeyTransportGuard(c).permits(false, null)).isTrue();
    }

    @Test
    void theLimitsAreReadFromTheirEnvironmentVariables() {
        PropertySource env = PropertySource.of("env", Map.of("EXPORTER_API_MAX_BODY_SIZE", "2KiB",
                "EXPORTER_API_ALLOW_INSECURE_KEY_TRANSPORT", "true"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        ApiConfiguration c = bound(ApiConfiguration.class, Map.of(), env);

        assertThat(c.maxBodyBytes()).isEqualTo(2048);
        assertThat(c.allowInsecureKeyTransport()).isTrue();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "exporter.api.max-body-size|lots|exporter.api.max-body-size: 'lots' is not a size such as 64KiB, 50MB or 1048576",
            "exporter.api.max-body-size|-1|exporter.api.max-body-size: '-1' is not a size such as 64KiB, 50MB or 1048576",
            "exporter.api.max-body-size|0|exporter.api.max-body-size: must be positive"})
    void aBadValueIsOneLineNamingTheSetting(String setting, String value, String message) {
        assertThat(startupLine(Map.of(setting, value))).isEqualTo("vault-pki-exporter: configuration error: " + message);
    }
}

package io.vaultpki.support.https;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTPS settings both apps share, under the monitor's names (as they were first written) and the exporter's. */
class HttpsSettingsTest {

    private static final HttpsNames MONITOR = HttpsNames.of("monitor", 8081);
    private static final HttpsNames EXPORTER = HttpsNames.of("exporter", 8083);

    @TempDir
    Path directory;

    private final Map<String, String> settings = new HashMap<>();
    private Path certificate;
    private Path key;
    private Path clientCa;

    @BeforeEach
    void pemFiles() throws Exception {
        certificate = Files.writeString(directory.resolve("server.pem"), "certificate");
        key = Files.writeString(directory.resolve("server-key.pem"), "key");
        clientCa = Files.writeString(directory.resolve("client-ca.pem"), "client CA");
    }

    @Test
    void servesPlainHttpWhenNoCertificateIsConfigured() {
        assertThat(HttpsSettings.from(MONITOR, settings::get)).isEmpty();
    }

    @Test
    void blankValuesCountAsUnset() {
        settings.put("monitor.tls.cert", " ");
        settings.put("monitor.tls.key", "");

        assertThat(HttpsSettings.from(MONITOR, settings::get)).isEmpty();
    }

    @Test
    void aCertificateAloneServesHttpsWithoutClientAuthenticationOnTheDefaultHealthPort() {
        withCertificateAndKey();

        HttpsSettings https = HttpsSettings.from(MONITOR, settings::get).orElseThrow();

        assertThat(https.clientAuth()).isEqualTo(HttpsSettings.ClientAuth.NONE);
        assertThat(https.healthPort()).isEqualTo(8081);
        assertThat(https.serverProperties())
                .containsEntry("micronaut.server.ssl.enabled", true)
                .containsEntry("micronaut.server.ssl.key-store.certificate-path", "file:" + certificate)
                .containsEntry("micronaut.server.ssl.key-store.key-path", "file:" + key)
                .containsEntry("micronaut.server.netty.listeners.https.ssl", true)
                .containsEntry("micronaut.server.netty.listeners.probes.port", 8081)
                .containsEntry("micronaut.server.netty.listeners.probes.ssl", false)
                .doesNotContainKeys("micronaut.server.ssl.client-authentication", "micronaut.server.ssl.trust-store.path");
    }

    @Test
    void aClientCaAloneRequiresClientCertificates() {
        withCertificateAndKey();
        settings.put("monitor.tls.client-ca", clientCa.toString());

        HttpsSettings https = HttpsSettings.from(MONITOR, settings::get).orElseThrow();

        assertThat(https.clientAuth()).isEqualTo(HttpsSettings.ClientAuth.NEED);
        assertThat(https.serverProperties())
                .containsEntry("micronaut.server.ssl.client-authentication", "NEED")
                .containsEntry("micronaut.server.ssl.trust-store.path", "file:" + clientCa);
    }

    @Test
    void clientAuthenticationCanBeMadeOptionalCaseInsensitively() {
        withCertificateAndKey();
        settings.put("monitor.tls.client-ca", clientCa.toString());
        settings.put("monitor.tls.client-auth", "Want");

        assertThat(HttpsSettings.from(MONITOR, settings::get).orElseThrow().serverProperties())
                .containsEntry("micronaut.server.ssl.client-authentication", "WANT");
    }

    @Test
    void requiringClientCertificatesWithoutAClientCaIsRejected() {
        withCertificateAndKey();
        settings.put("monitor.tls.client-auth", "need");

        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .hasMessage("MONITOR_TLS_CLIENT_AUTH=need needs MONITOR_TLS_CLIENT_CA, the CA that signs the client certificates");
    }

    @Test
    void anUnknownClientAuthenticationModeIsRejected() {
        withCertificateAndKey();
        settings.put("monitor.tls.client-auth", "required");

        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .hasMessage("MONITOR_TLS_CLIENT_AUTH must be none, want or need, got 'required'");
    }

    @Test
    void aCertificateWithoutAKeyIsRejected() {
        settings.put("monitor.tls.cert", certificate.toString());

        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .hasMessage("MONITOR_TLS_CERT is set but MONITOR_TLS_KEY is not");
    }

    @Test
    void aKeyWithoutACertificateIsRejected() {
        settings.put("monitor.tls.key", key.toString());

        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .hasMessage("MONITOR_TLS_KEY is set but MONITOR_TLS_CERT is not");
    }

    @Test
    void aMissingFileIsNamedWithItsSetting() {
        withCertificateAndKey();
        settings.put("monitor.tls.key", directory.resolve("absent.pem").toString());

        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .hasMessageStartingWith("MONITOR_TLS_KEY names a file that cannot be read: ");
    }

    @Test
    void theHealthPortMustBeATcpPort() {
        withCertificateAndKey();
        settings.put("monitor.health-port", "http");

        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .hasMessage("MONITOR_HEALTH_PORT must be a TCP port, got 'http'");
        settings.put("monitor.health-port", "70000");
        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .hasMessage("MONITOR_HEALTH_PORT must be a TCP port, got 70000");
    }

    @Test
    void environmentVariablesAreTheUpperCasePropertyNames() {
        assertThat(HttpsNames.variable("monitor.tls.client-ca")).isEqualTo("MONITOR_TLS_CLIENT_CA");
        assertThat(HttpsNames.variable("monitor.health-port")).isEqualTo("MONITOR_HEALTH_PORT");
    }

    @Test
    void theExportersSettingsAreTheSameUnderItsOwnNamesAndHealthPort() {
        settings.put("exporter.tls.cert", certificate.toString());
        settings.put("exporter.tls.key", key.toString());
        settings.put("exporter.tls.client-ca", clientCa.toString());

        HttpsSettings https = HttpsSettings.from(EXPORTER, settings::get).orElseThrow();

        assertThat(https.clientAuth()).isEqualTo(HttpsSettings.ClientAuth.NEED);
        assertThat(https.healthPort()).isEqualTo(8083);
        assertThat(HttpsSettings.from(MONITOR, settings::get)).as("the monitor's names are not the exporter's").isEmpty();
        settings.put("exporter.health-port", "9443");
        assertThat(HttpsSettings.from(EXPORTER, settings::get).orElseThrow().serverProperties())
                .containsEntry("micronaut.server.netty.listeners.probes.port", 9443);
    }

    @Test
    void theExportersMistakesNameTheExportersVariables() {
        settings.put("exporter.tls.key", key.toString());
        assertThatThrownBy(() -> HttpsSettings.from(EXPORTER, settings::get))
                .hasMessage("EXPORTER_TLS_KEY is set but EXPORTER_TLS_CERT is not");
        settings.put("exporter.tls.cert", certificate.toString());
        settings.put("exporter.tls.client-auth", "want");
        assertThatThrownBy(() -> HttpsSettings.from(EXPORTER, settings::get))
                .hasMessage("EXPORTER_TLS_CLIENT_AUTH=want needs EXPORTER_TLS_CLIENT_CA, the CA that signs the client"
                        + " certificates");
        settings.put("exporter.health-port", "0");
        settings.put("exporter.tls.client-auth", "none");
        assertThatThrownBy(() -> HttpsSettings.from(EXPORTER, settings::get))
                .hasMessage("EXPORTER_HEALTH_PORT must be a TCP port, got 0");
    }

    @Test
    void aMistakeIsASettingErrorSoTheLauncherPrintsItAsAConfigurationError() {
        settings.put("monitor.tls.key", key.toString());

        assertThatThrownBy(() -> HttpsSettings.from(MONITOR, settings::get))
                .isInstanceOf(io.micronaut.context.exceptions.ConfigurationException.class);
    }

    @Test
    void onlyTheHealthPathsAndStatusAreProbes() {
        assertThat(ProbesOnlyOverPlainHttp.isProbe("/health")).isTrue();
        assertThat(ProbesOnlyOverPlainHttp.isProbe("/health/readiness")).isTrue();
        assertThat(ProbesOnlyOverPlainHttp.isProbe("/status")).isTrue();
        assertThat(ProbesOnlyOverPlainHttp.isProbe("/healthz")).isFalse();
        assertThat(ProbesOnlyOverPlainHttp.isProbe("/status/x")).isFalse();
        assertThat(ProbesOnlyOverPlainHttp.isProbe("/metrics")).isFalse();
        assertThat(ProbesOnlyOverPlainHttp.isProbe("/")).isFalse();
    }

    private void withCertificateAndKey() {
        settings.put("monitor.tls.cert", certificate.toString());
        settings.put("monitor.tls.key", key.toString());
    }
}

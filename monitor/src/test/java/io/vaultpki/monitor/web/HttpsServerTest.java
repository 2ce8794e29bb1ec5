package io.vaultpki.monitor.web;

import io.vaultpki.support.https.HttpsSettings;
import io.vaultpki.testkit.TestCertificates;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real server with HTTPS and required client certificates, called by a real HTTPS client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsServerTest {

    private TestCertificates.Issued serverCa;
    private TestCertificates.Issued trustedClient;
    private TestCertificates.Issued strangerClient;
    private ApplicationContext context;
    private int httpsPort;
    private int healthPort;

    @BeforeAll
    void startServerWithClientAuthentication(@TempDir Path directory) throws Exception {
        serverCa = TestCertificates.ca("monitor server CA");
        TestCertificates.Issued server = TestCertificates.serverCertificate(serverCa, "vault-pki-monitor");
        TestCertificates.Issued clientCa = TestCertificates.ca("monitor client CA");
        trustedClient = TestCertificates.clientCertificate(clientCa, "prometheus");
        strangerClient = TestCertificates.clientCertificate(TestCertificates.ca("another CA"), "stranger");

        Map<String, String> settings = Map.of(
                "monitor.tls.cert", TestCertificates.writeCertificate(directory.resolve("server.pem"),
                        server.certificate(), serverCa.certificate()).toString(),
                "monitor.tls.key", TestCertificates.writeKey(directory.resolve("server-key.pem"), server.key()).toString(),
                "monitor.tls.client-ca", TestCertificates.writeCertificate(directory.resolve("client-ca.pem"),
                        clientCa.certificate()).toString(),
                "monitor.health-port", String.valueOf(healthPort = freePort()));
        HttpsSettings https = HttpsSettings.from(MonitorHttpsConfigurer.NAMES, settings::get).orElseThrow();
        Map<String, Object> properties = new HashMap<>(https.serverProperties());
        properties.put("micronaut.server.port", httpsPort = freePort());
        context = ApplicationContext.run(properties, "test");
        context.getBean(EmbeddedServer.class).start();
    }

    @AfterAll
    void stopServer() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void servesHttpsToAClientWithATrustedCertificate() throws Exception {
        HttpResponse<String> response = get(client(trustedClient), "https://127.0.0.1:" + httpsPort + "/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void refusesAClientWithoutACertificate() throws Exception {
        HttpClient anonymous = client(null);

        assertThatThrownBy(() -> get(anonymous, "https://127.0.0.1:" + httpsPort + "/health/liveness"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void refusesAClientCertificateFromAnotherCa() throws Exception {
        HttpClient stranger = client(strangerClient);

        assertThatThrownBy(() -> get(stranger, "https://127.0.0.1:" + httpsPort + "/health/liveness"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void answersTheProbesOverPlainHttpOnTheHealthPort() throws Exception {
        HttpResponse<String> response = get(HttpClient.newHttpClient(),
                "http://127.0.0.1:" + healthPort + "/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void servesNothingButTheProbesOverPlainHttp() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + healthPort;

        assertThat(get(plain, base + "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(plain, base + "/api/v1/status").statusCode()).isEqualTo(404);
        assertThat(get(plain, base + "/healthz").statusCode()).isEqualTo(404);
        assertThat(get(plain, base + "/").statusCode()).as("the home page is behind TLS like /metrics").isEqualTo(404);
        assertThat(get(plain, base + "/status").statusCode()).isNotEqualTo(404);
    }

    @Test
    void servesMetricsOverHttpsToATrustedClient() throws Exception {
        HttpResponse<String> response = get(client(trustedClient), "https://127.0.0.1:" + httpsPort + "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheHomePageOverHttpsToATrustedClientOnly() throws Exception {
        HttpResponse<String> response = get(client(trustedClient), "https://127.0.0.1:" + httpsPort + "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("vault-pki-monitor");
        assertThatThrownBy(() -> get(client(null), "https://127.0.0.1:" + httpsPort + "/"))
                .isInstanceOf(IOException.class);
    }

    private HttpClient client(TestCertificates.Issued certificate) throws Exception {
        SSLContext ssl = TestCertificates.clientContext(serverCa, certificate);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

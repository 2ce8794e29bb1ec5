package io.vaultpki.monitor.web;

import io.vaultpki.testkit.TestCertificates;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS configured the way an operator does it, through {@code monitor.tls.*} (or {@code MONITOR_TLS_*}) and
 * {@link MonitorHttpsConfigurer}, with {@code client-auth=want}: a client without a certificate is served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionalClientCertificateTest {

    private TestCertificates.Issued serverCa;
    private ApplicationContext context;
    private int port;

    @BeforeAll
    void startThroughTheConfigurer(@TempDir Path directory) throws Exception {
        serverCa = TestCertificates.ca("monitor server CA");
        TestCertificates.Issued server = TestCertificates.serverCertificate(serverCa, "vault-pki-monitor");
        TestCertificates.Issued clientCa = TestCertificates.ca("monitor client CA");
        Map<String, String> settings = Map.of(
                "monitor.tls.cert", TestCertificates.writeCertificate(directory.resolve("server.pem"),
                        server.certificate()).toString(),
                "monitor.tls.key", TestCertificates.writeKey(directory.resolve("key.pem"), server.key()).toString(),
                "monitor.tls.client-ca", TestCertificates.writeCertificate(directory.resolve("client-ca.pem"),
                        clientCa.certificate()).toString(),
                "monitor.tls.client-auth", "want",
                "monitor.health-port", String.valueOf(freePort()));
        port = freePort();
        settings.forEach(System::setProperty);
        try {
            context = ApplicationContext.run(Map.of("micronaut.server.port", port), "test");
        } finally {
            // The configurer reads them once, when the context is built; other test classes must not see them.
            settings.keySet().forEach(System::clearProperty);
        }
        context.getBean(EmbeddedServer.class).start();
    }

    @AfterAll
    void stopServer() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void servesHttpsToAClientWithoutACertificateWhenClientAuthenticationIsOptional() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder()
                .sslContext(TestCertificates.clientContext(serverCa, null)).build();

        HttpResponse<String> response = anonymous.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health/liveness"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

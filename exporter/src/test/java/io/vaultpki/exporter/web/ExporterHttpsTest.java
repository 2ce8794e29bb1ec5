package io.vaultpki.exporter.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.testkit.TestCertificates;
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
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exporter's HTTPS configured the way an operator does it, through {@code exporter.tls.*} (or
 * {@code EXPORTER_TLS_*}) and {@link ExporterHttpsConfigurer}, the same setup as the monitor's: HTTPS on the main
 * port with client certificates required ({@code need}, the default with a client CA) or optional ({@code want}),
 * and the probes alone over plain HTTP on {@code exporter.health-port}. Real server, real HTTPS clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExporterHttpsTest {

    private TestCertificates.Issued serverCa;
    private TestCertificates.Issued clientCa;
    private ApplicationContext required;
    private ApplicationContext optional;
    private int requiredPort;
    private int requiredHealthPort;
    private int optionalPort;

    @BeforeAll
    void startTwoExporters(@TempDir Path directory) throws Exception {
        serverCa = TestCertificates.ca("exporter server CA");
        TestCertificates.Issued server = TestCertificates.serverCertificate(serverCa, "vault-pki-exporter");
        clientCa = TestCertificates.ca("exporter client CA");
        Map<String, String> tls = Map.of(
                "exporter.tls.cert", TestCertificates.writeCertificate(directory.resolve("server.pem"),
                        server.certificate(), serverCa.certificate()).toString(),
                "exporter.tls.key", TestCertificates.writeKey(directory.resolve("server-key.pem"), server.key()).toString(),
                "exporter.tls.client-ca", TestCertificates.writeCertificate(directory.resolve("client-ca.pem"),
                        clientCa.certificate()).toString());

        Map<String, String> need = new HashMap<>(tls);
        need.put("exporter.health-port", String.valueOf(requiredHealthPort = freePort()));
        required = start(need, requiredPort = freePort(), directory.resolve("need"));

        Map<String, String> want = new HashMap<>(tls);
        want.put("exporter.tls.client-auth", "want");
        want.put("exporter.health-port", String.valueOf(freePort()));
        optional = start(want, optionalPort = freePort(), directory.resolve("want"));
    }

    /** Through the configurer, which reads system properties (or the environment) once, as the context is built. */
    private static ApplicationContext start(Map<String, String> tls, int port, Path exports) {
        tls.forEach(System::setProperty);
        ApplicationContext context;
        try {
            context = ApplicationContext.run(Map.of("micronaut.server.port", port, "exporter.path", exports.toString(),
                    "exporter.api.client-certificates[0].subject", "CN=sidecar",
                    "exporter.api.client-certificates[0].scopes", "read"), "test");
        } finally {
            // other test classes must not see them
            tls.keySet().forEach(System::clearProperty);
        }
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    @AfterAll
    void stop() {
        for (ApplicationContext context : new ApplicationContext[] {required, optional}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void servesHttpsOnTheMainPortToAClientWithATrustedCertificate() throws Exception {
        HttpClient trusted = client(TestCertificates.clientCertificate(clientCa, "prometheus"));

        assertThat(get(trusted, "https://127.0.0.1:" + requiredPort + "/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(trusted, "https://127.0.0.1:" + requiredPort + "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheStatusPageOnlyOverHttpsUnderTheSameClientAuthentication() throws Exception {
        HttpClient trusted = client(TestCertificates.clientCertificate(clientCa, "browser"));
        var page = get(trusted, "https://127.0.0.1:" + requiredPort + "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'none';"));
        assertThatThrownBy(() -> get(client(null), "https://127.0.0.1:" + requiredPort + "/"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void requiredClientAuthenticationRefusesAClientWithoutACertificateOrFromAnotherCa() throws Exception {
        HttpClient anonymous = client(null);
        HttpClient stranger = client(TestCertificates.clientCertificate(TestCertificates.ca("another CA"), "stranger"));

        assertThatThrownBy(() -> get(anonymous, "https://127.0.0.1:" + requiredPort + "/health/liveness"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(stranger, "https://127.0.0.1:" + requiredPort + "/health/liveness"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void optionalClientAuthenticationServesAClientWithoutACertificate() throws Exception {
        assertThat(get(client(null), "https://127.0.0.1:" + optionalPort + "/health/liveness").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aVerifiedClientCertificateIsTheApiPrincipalItIsMappedTo() throws Exception {
        // /issuers would call Vault; a bad mount is refused after authentication and the scope check, before that
        String url = "https://127.0.0.1:" + optionalPort + "/api/v1/issuers?mount=..%2Fsys";

        assertThat(get(client(TestCertificates.clientCertificate(clientCa, "sidecar")), url).statusCode()).isEqualTo(400);
        assertThat(get(client(null), url).statusCode()).isEqualTo(401);
    }

    @Test
    void answersTheProbesOverPlainHttpOnTheHealthPort() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();

        assertThat(get(plain, "http://127.0.0.1:" + requiredHealthPort + "/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(plain, "http://127.0.0.1:" + requiredHealthPort + "/health/readiness").statusCode())
                .isNotEqualTo(404);
    }

    @Test
    void servesNothingButTheProbesOverPlainHttp() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + requiredHealthPort;

        assertThat(get(plain, base + "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(plain, base + "/api/v1/certificates").statusCode()).isEqualTo(404);
        assertThat(get(plain, base + "/").statusCode()).isEqualTo(404);
    }

    private HttpClient client(TestCertificates.Issued certificate) throws Exception {
        return HttpClient.newBuilder().sslContext(TestCertificates.clientContext(serverCa, certificate))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

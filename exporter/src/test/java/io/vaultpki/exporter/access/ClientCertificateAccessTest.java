package io.vaultpki.exporter.access;

import io.vaultpki.testkit.TestCertificates;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Optional mTLS: a verified client certificate whose subject is mapped gets that principal's scopes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateAccessTest {

    private TestCertificates.Issued serverCa;
    private TestCertificates.Issued clientCa;
    private ApplicationContext context;
    private Path dir;
    private int port;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        dir = directory;
        serverCa = TestCertificates.ca("exporter server CA");
        TestCertificates.Issued server = TestCertificates.serverCertificate(serverCa, "vault-pki-exporter");
        clientCa = TestCertificates.ca("exporter client CA");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", port);
        p.put("micronaut.server.ssl.enabled", true);
        p.put("micronaut.server.ssl.port", port);
        p.put("micronaut.server.ssl.key-store.certificate-path", "file:" + TestCertificates.writeCertificate(dir.resolve("server.pem"), server.certificate()));
        p.put("micronaut.server.ssl.key-store.key-path", "file:" + TestCertificates.writeKey(dir.resolve("server.key"), server.key()));
        p.put("micronaut.server.ssl.trust-store.path", "file:" + TestCertificates.writeCertificate(dir.resolve("client-ca.pem"), clientCa.certificate()));
        p.put("micronaut.server.ssl.client-authentication", "want");
        p.put("exporter.path", dir.toString());
        p.put("exporter.api.client-certificates[0].subject", "CN=sidecar");
        p.put("exporter.api.client-certificates[0].scopes", "read");
        context = ApplicationContext.run(p, "test");
        context.getBean(EmbeddedServer.class).start();
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private int get(TestCertificates.Issued client) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TestCertificates.clientContext(serverCa, client)).build();
        // /issuers would call Vault; a bad mount is refused before that, after authentication and the scope check
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/issuers?mount=..%2Fsys"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test
    void mappedClientCertificateIsAuthenticated() throws Exception {
        assertThat(get(TestCertificates.clientCertificate(clientCa, "sidecar"))).isEqualTo(400);
    }

    @Test
    void unmappedClientCertificateIs401() throws Exception {
        assertThat(get(TestCertificates.clientCertificate(clientCa, "someone-else"))).isEqualTo(401);
    }

    @Test
    void noClientCertificateIs401() throws Exception {
        assertThat(get(null)).isEqualTo(401);
    }

    @Test
    void auditNamesTheCertificateSubject() throws Exception {
        get(TestCertificates.clientCertificate(clientCa, "sidecar"));
        Path log = dir.resolve(".state/audit.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains("\"type\":\"mtls\"")) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Files.readString(log)).contains("\"actor\":{\"type\":\"mtls\",\"name\":\"CN=sidecar\"}");
    }

    @Test
    void subjectThatIsNotADistinguishedNameFailsNamingTheSetting() {
        assertThatThrownBy(() -> ClientCertificates.load(List.of(Map.of("subject", "not a dn", "scopes", "read"))))
                .hasMessageStartingWith("exporter.api.client-certificates[0].subject");
    }
}

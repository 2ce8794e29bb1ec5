package io.vaultpki.exporter;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.api.ApiTestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole exporter as it runs: configuration exports written at start-up by the scheduler, the API over the real
 * export operations, metrics and readiness, against an emulated Vault.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExporterApplicationTest implements TestPropertyProvider {

    private static final String TOKEN = "app-test-token-0123456789abcdef";

    private EmulatedVault vault;
    private Path exports;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        vault = EmulatedVault.start("exporter-app");
        exports = vault.exportRoot();
        Map<String, String> p = vault.properties();
        p.put("exporter.default-mount", "pki_int");
        p.put("exporter.exports.web.source", "issue");
        p.put("exporter.exports.web.mount", "pki_int");
        p.put("exporter.exports.web.role", "web");
        p.put("exporter.exports.web.common-name", "web.example.com");
        p.put("exporter.exports.web.formats", "pem,fullchain,der");
        p.put("exporter.exports.root-ca.source", "issuer");
        p.put("exporter.exports.root-ca.mount", "pki");
        p.put("exporter.api.tokens[0].name", "operator");
        p.put("exporter.api.tokens[0].sha256", ApiTestTokens.sha256(TOKEN));
        p.put("exporter.api.tokens[0].scopes", "read,write,keys");
        return p;
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    private void awaitFile(Path file) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!Files.isRegularFile(file)) {
            assertThat(Instant.now()).as("waiting for %s", file).isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // poll, bounded by the deadline
        }
    }

    @Test
    void configuredExportsAreWrittenAtStartUpAndServedByTheApi() throws Exception {
        awaitFile(exports.resolve("web/cert.pem"));
        awaitFile(exports.resolve("root-ca/cert.pem"));

        HttpResponse<byte[]> pem = http.toBlocking().exchange(HttpRequest.GET("/api/v1/certificates/web/files/cert.pem")
                .bearerAuth(TOKEN), byte[].class);
        assertThat(pem.body()).isEqualTo(Files.readAllBytes(exports.resolve("web/cert.pem")));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.body()));
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=web.example.com");

        Map<String, Object> list = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/certificates").bearerAuth(TOKEN),
                Argument.mapOf(String.class, Object.class));
        assertThat(list.toString()).contains("web", "root-ca");
    }

    @Test
    void anExportCreatedThroughTheApiIsIssuedWrittenAndItsKeyDownloadable() throws Exception {
        String body = """
                {"name": "shop", "source": "issue", "mount": "pki_int", "role": "web",
                 "common_name": "shop.example.com", "alt_names": ["www.shop.example.com"], "ttl": "24h"}""";
        HttpResponse<String> created = http.toBlocking().exchange(HttpRequest.POST("/api/v1/certificates", body)
                .bearerAuth(TOKEN), String.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/certificates/shop");
        assertThat(exports.resolve(".state/specs/shop.json")).isRegularFile();

        HttpResponse<byte[]> key = http.toBlocking().exchange(HttpRequest.GET("/api/v1/certificates/shop/files/key.pem")
                .bearerAuth(TOKEN), byte[].class);
        assertThat(new String(key.body(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(key.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aBodyWithoutAMountUsesTheDefaultMount() {
        String body = "{\"name\": \"nomount\", \"source\": \"issue\", \"role\": \"web\", "
                + "\"common_name\": \"nomount.example.com\"}";
        Map<String, Object> created = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/certificates", body)
                .bearerAuth(TOKEN), Argument.mapOf(String.class, Object.class));
        assertThat(created).containsEntry("mount", "pki_int");
    }

    @Test
    void metricsShowEachExportsExpiryAndVaultUp() {
        awaitFile(exports.resolve("web/cert.pem"));
        String metrics = http.toBlocking().retrieve("/metrics");
        assertThat(metrics).contains("vault_pki_exporter_certificate_not_after_timestamp_seconds{export=\"web\"}")
                .contains("vault_pki_exporter_vault_up 1")
                .contains("vault_pki_exporter_exports_total{");
    }

    @Test
    void promtoolAcceptsARealScrape() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")),
                "promtool is not installed (Debian package prometheus)");
        awaitFile(exports.resolve("web/cert.pem"));
        Path file = Files.createTempFile("scrape", ".txt");
        try {
            Files.writeString(file, http.toBlocking().retrieve("/metrics"), StandardCharsets.UTF_8);
            Process promtool = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
                    .redirectInput(file.toFile()).redirectErrorStream(true).start();
            String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(promtool.exitValue()).as("promtool check metrics: %s", output).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRootAnswers200NamingTheAppItsVersionAndLinksButNoSecretToAClientAskingForJson() throws Exception {
        HttpResponse<String> root = http.toBlocking().exchange(HttpRequest.GET("/").accept(MediaType.APPLICATION_JSON_TYPE), String.class);

        assertThat(root.getStatus().getCode()).isEqualTo(200);
        assertThat(root.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("application/json"));
        Map<String, Object> body = new com.fasterxml.jackson.databind.ObjectMapper().readValue(root.body(), Map.class);
        assertThat(body).containsEntry("name", "vault-pki-exporter").containsKey("version");
        assertThat(body.get("links")).asString().contains("/metrics", "/health", "/api/v1/certificates");
        assertThat(root.body()).doesNotContain(TOKEN).doesNotContain(ApiTestTokens.sha256(TOKEN))
                .doesNotContain(vault.emulator().rootToken()).doesNotContain(exports.toString());
    }

    @Test
    void readinessIsUpWithValidFiles() {
        awaitFile(exports.resolve("web/cert.pem"));
        assertThat(http.toBlocking().exchange("/health/readiness").getStatus().getCode()).isEqualTo(200);
        assertThat(http.toBlocking().exchange("/health/liveness").getStatus().getCode()).isEqualTo(200);
    }

}

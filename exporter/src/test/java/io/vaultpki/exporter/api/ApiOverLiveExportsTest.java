package io.vaultpki.exporter.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.exporter.EmulatedVault;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vaultpki.exporter.api.CertificatesApiTest.assertProblem;
import static io.vaultpki.exporter.api.CertificatesApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The API over the real export operations and files, against the Vault emulator: when Vault refuses the request (422),
 * is sealed (503) or too slow (504), nothing is written or persisted ({@link VaultRefusalsApiTest} has every kind of
 * refusal); configuration exports are read-only (409); renewals
 * are spaced (429); purge removes the export's directory and nothing else; no key reaches the audit log.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiOverLiveExportsTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private EmulatedVault fixture;
    private VaultEmulator vault;
    private Path root;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        fixture = EmulatedVault.start("api-manager");
        vault = fixture.emulator();
        root = fixture.exportRoot();
        Map<String, String> p = fixture.properties();
        ApiTestTokens.properties().forEach((k, v) -> p.put(k, v.toString()));
        p.put("exporter.api.tokens[4].name", "operator");
        p.put("exporter.api.tokens[4].sha256", ApiTestTokens.sha256(OPERATOR));
        p.put("exporter.api.tokens[4].scopes", "read,write,keys");
        p.put("exporter.files.pkcs12-password", P12_PASSWORD);
        p.put("exporter.exports.fixed.source", "issuer");
        p.put("exporter.exports.fixed.mount", "pki");
        return p;
    }

    private static final String OPERATOR = "operator-token-0123456789abcdef";
    private static final String P12_PASSWORD = "p12-password-never-logged";

    @AfterEach
    void clearFaults() {
        vault.faults().clear();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private static String body(String name, String commonName) {
        return "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\""
                + commonName + "\",\"ttl\":\"24h\",\"formats\":[\"pem\",\"pkcs12\"]}";
    }

    private HttpResponse<String> create(String name, String commonName) {
        return http.toBlocking().exchange(HttpRequest.POST(BASE, body(name, commonName)).bearerAuth(OPERATOR), String.class);
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    private void assertNothingWrittenFor(String name) {
        assertThat(root.resolve(name)).doesNotExist();
        assertThat(root.resolve(".state/specs/" + name + ".json")).doesNotExist();
        assertThat(http.toBlocking().retrieve(HttpRequest.GET(BASE).bearerAuth(ApiTestTokens.READER))).doesNotContain("\"" + name + "\"");
    }

    @Test
    void commonNameTheRoleRefusesIs422WithVaultsMessageAndNothingWritten() {
        HttpClientResponseException e = error(HttpRequest.POST(BASE, body("evil", "evil.org")).bearerAuth(OPERATOR));
        Map<String, Object> problem = assertProblem(e, 422);
        assertThat(problem.get("vault_errors").toString()).contains("evil.org");
        assertNothingWrittenFor("evil");
    }

    @Test
    void sealedVaultIs503WithRetryAfterAndNothingWritten() {
        create("warm-up", "warm-up.example.com");
        vault.faults().seal();
        HttpClientResponseException e = error(HttpRequest.POST(BASE, body("sealed", "sealed.example.com")).bearerAuth(OPERATOR));
        assertProblem(e, 503);
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertNothingWrittenFor("sealed");
    }

    @Test
    void slowVaultIs504AndNothingWritten() {
        create("warm-up2", "warm-up2.example.com");
        vault.faults().latency("pki_int/issue", Duration.ofSeconds(3));
        assertProblem(error(HttpRequest.POST(BASE, body("slow", "slow.example.com")).bearerAuth(OPERATOR)), 504);
        assertNothingWrittenFor("slow");
    }

    @Test
    void secondCreateOfTheSameNameIs409() {
        create("twice", "twice.example.com");
        assertProblem(error(HttpRequest.POST(BASE, body("twice", "twice.example.com")).bearerAuth(OPERATOR)), 409);
    }

    @Test
    void configurationExportIsReadOnlyThroughTheApi() {
        assertProblem(error(HttpRequest.DELETE(BASE + "/fixed").bearerAuth(OPERATOR)), 409);
        assertProblem(error(HttpRequest.PUT(BASE + "/fixed", "{\"source\":\"issuer\",\"mount\":\"pki_int\"}").bearerAuth(OPERATOR)), 409);
    }

    @Test
    void renewRightAfterIssuanceIs429WithRetryAfter() {
        create("fresh", "fresh.example.com");
        HttpClientResponseException e = error(HttpRequest.POST(BASE + "/fresh/renew", "").bearerAuth(OPERATOR));
        assertProblem(e, 429);
        assertThat(Long.parseLong(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER))).isPositive();
    }

    @Test
    void putReissuesWithTheNewSpec() {
        String serial = (String) json(create("changing", "changing.example.com")).get("serial");
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.PUT(BASE + "/changing",
                body("changing", "changed.example.com")).bearerAuth(OPERATOR), String.class);
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        Map<String, Object> export = json(r);
        assertThat(export.get("common_name")).isEqualTo("changed.example.com");
        assertThat(export.get("serial")).isNotEqualTo(serial);
    }

    @Test
    void deleteWithPurgeRemovesOnlyTheExportsDirectory() throws Exception {
        create("gone", "gone.example.com");
        Path sibling = root.resolve("fixed");
        assertThat(root.resolve("gone")).isDirectory();
        HttpResponse<?> r = http.toBlocking().exchange(HttpRequest.DELETE(BASE + "/gone?purge=true").bearerAuth(OPERATOR));
        assertThat(r.getStatus().getCode()).isEqualTo(204);
        assertThat(root.resolve("gone")).doesNotExist();
        assertThat(root.resolve(".state/specs/gone.json")).doesNotExist();
        assertThat(sibling).exists();
        assertProblem(error(HttpRequest.GET(BASE + "/gone").bearerAuth(ApiTestTokens.READER)), 404);
    }

    @Test
    void realFilesAreListedAndPrivateOnesNeedTheKeysScope() {
        create("files", "files.example.com");
        Map<String, Object> listing = json(http.toBlocking().exchange(HttpRequest.GET(BASE + "/files/files").bearerAuth(ApiTestTokens.READER), String.class));
        assertThat(listing.get("files").toString()).contains("cert.pem", "key.pem", "bundle.p12");
        assertProblem(error(HttpRequest.GET(BASE + "/files/files/bundle.p12").bearerAuth(ApiTestTokens.READER)), 403);
        HttpResponse<byte[]> p12 = http.toBlocking().exchange(HttpRequest.GET(BASE + "/files/files/bundle.p12").bearerAuth(OPERATOR), byte[].class);
        assertThat(p12.getContentType().orElseThrow().toString()).isEqualTo("application/x-pkcs12");
        assertThat(p12.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    }

    @Test
    void exportJsonCarriesTheCertificateAndNeverKeyMaterial() {
        HttpResponse<String> r = create("shape", "shape.example.com");
        Map<String, Object> export = json(r);
        assertThat(export).containsKeys("name", "source", "origin", "mount", "role", "issuer_ref", "common_name", "alt_names",
                "ip_sans", "uri_sans", "ttl", "formats", "naming", "serial", "subject", "not_before", "not_after", "renew_at",
                "last_outcome", "last_error", "consecutive_failures", "last_success", "directory", "files");
        assertThat(export.get("origin")).isEqualTo("api");
        assertThat(export.get("ttl")).isEqualTo("24h");
        assertThat(r.body()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void auditLogHoldsApiAndVaultEventsButNoKeyOrToken() throws Exception {
        create("audited", "audited.example.com");
        byte[] key = http.toBlocking().exchange(HttpRequest.GET(BASE + "/audited/files/key.pem").bearerAuth(OPERATOR), byte[].class).body();
        String keyBody = new String(key, StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        Path log = root.resolve(".state/audit.log");
        String text = Files.readString(log);
        assertThat(text).contains("\"event\":\"key.download\"").contains("\"export\":\"audited\"");
        assertThat(text).doesNotContain(keyBody).doesNotContain("PRIVATE KEY").doesNotContain(OPERATOR)
                .doesNotContain(ApiTestTokens.sha256(OPERATOR)).doesNotContain(vault.rootToken()).doesNotContain(P12_PASSWORD);
        try (Stream<String> lines = Files.lines(log)) {
            assertThat(lines.map(CertificatesApiTest::json).map(l -> l.get("event")).toList())
                    .contains("api.request", "key.download");
        }
        List<String> events = Files.readAllLines(log);
        assertThat(events).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    }
}

package io.vaultpki.exporter.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.exporter.export.RenewalTooSoonException;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificatesApiTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private Path dir;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    InMemoryExports exports;

    @Override
    public Map<String, String> getProperties() {
        try {
            dir = Files.createTempDirectory("api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> p = new java.util.HashMap<>();
        ApiTestTokens.properties().forEach((k, v) -> p.put(k, v.toString()));
        p.put(InMemoryExports.PROPERTY, "true");
        p.put("exporter.path", dir.toString());
        p.put("exporter.audit.path", dir.resolve("audit.log").toString());
        return p;
    }

    @BeforeEach
    void seed() {
        exports.reset();
        exports.put(ExportSpec.builder("web", Source.ISSUE).mount("pki_int").role("web").commonName("web.example.com").build());
        exports.put(ExportSpec.builder("db", Source.ISSUE).mount("pki_int").role("web").commonName("db.example.com").build());
    }

    // ---- authentication and scopes

    @Test
    void requestWithoutTokenIs401WithBearerChallenge() {
        HttpClientResponseException e = error(HttpRequest.GET(BASE));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"vault-pki-exporter\"");
        assertProblem(e, 401);
    }

    @Test
    void requestWithWrongTokenIs401() {
        assertThat(error(HttpRequest.GET(BASE).bearerAuth("not-a-configured-token")).getStatus().getCode()).isEqualTo(401);
    }

    @Test
    void readTokenListsExports() {
        Map<String, Object> body = json(http.toBlocking().exchange(HttpRequest.GET(BASE).bearerAuth(ApiTestTokens.READER), String.class));
        assertThat(list(body, "certificates")).extracting(c -> c.get("name")).containsExactly("db", "web");
    }

    @Test
    void listShowsOnlyExportsOnTheTokensAllowList() {
        Map<String, Object> body = json(http.toBlocking().exchange(HttpRequest.GET(BASE).bearerAuth(ApiTestTokens.KEYS), String.class));
        assertThat(list(body, "certificates")).extracting(c -> c.get("name")).containsExactly("web");
    }

    @Test
    void onlyATokenThatMayWriteTheExportCanSetItsRenewWindow() {
        exports.put(ExportSpec.builder("legacy", Source.ISSUE).mount("pki").role("web").commonName("legacy.example.com")
                .build());
        String window = ",\"renew_window\":\"Sat 02:00-04:00 UTC\",\"renew_window_floor\":\"1h\"";
        String legacy = "{\"name\":\"legacy\",\"source\":\"issue\",\"mount\":\"pki\",\"role\":\"web\","
                + "\"common_name\":\"legacy.example.com\"" + window + "}";
        String db = "{\"name\":\"db\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\","
                + "\"common_name\":\"db.example.com\"" + window + "}";

        // outside the write token's policy (mount pki), and tokens without the write scope
        assertProblem(error(HttpRequest.PUT(BASE + "/legacy", legacy).bearerAuth(ApiTestTokens.WRITER)), 403);
        assertProblem(error(HttpRequest.PUT(BASE + "/db", db).bearerAuth(ApiTestTokens.READER)), 403);
        assertProblem(error(HttpRequest.PUT(BASE + "/db", db).bearerAuth(ApiTestTokens.KEYS)), 403);
        assertThat(exports.calls).isEmpty();
        assertThat(exports.get("legacy").orElseThrow().spec().renewWindow()).isNull();
        assertThat(exports.get("db").orElseThrow().spec().renewWindow()).isNull();
    }

    @Test
    void readTokenCannotWrite() {
        HttpClientResponseException e = error(HttpRequest.POST(BASE, validBody("new")).bearerAuth(ApiTestTokens.READER));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void writeOnlyTokenCannotRead() {
        assertThat(error(HttpRequest.GET(BASE).bearerAuth(ApiTestTokens.WRITE_ONLY)).getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void exportOutsideTheAllowListIs403() {
        assertThat(error(HttpRequest.GET(BASE + "/db").bearerAuth(ApiTestTokens.KEYS)).getStatus().getCode()).isEqualTo(403);
    }

    // ---- read one

    @Test
    void getOneCarriesSerialEtagAndNoKeyMaterial() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web").bearerAuth(ApiTestTokens.READER), String.class);
        assertThat(r.getHeaders().get(HttpHeaders.ETAG)).isEqualTo("\"3c:9f:01:aa\"");
        Map<String, Object> body = json(r);
        assertThat(body.get("name")).isEqualTo("web");
        assertThat(body.get("serial")).isEqualTo("3c:9f:01:aa");
        assertThat(body.get("source")).isEqualTo("issue");
        assertThat(body.get("last_outcome")).isEqualTo("success");
        assertThat(r.body()).doesNotContain("PRIVATE KEY").doesNotContain("TEST-KEY-MATERIAL");
    }

    @Test
    void getOneWithMatchingIfNoneMatchIs304() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web").bearerAuth(ApiTestTokens.READER)
                .header(HttpHeaders.IF_NONE_MATCH, "\"3c:9f:01:aa\""), String.class);
        assertThat(r.getStatus().getCode()).isEqualTo(304);
    }

    @Test
    void unknownExportIs404Problem() {
        HttpClientResponseException e = error(HttpRequest.GET(BASE + "/nope").bearerAuth(ApiTestTokens.READER));
        assertProblem(e, 404);
    }

    // ---- create

    @Test
    void createAnswers201WithLocation() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST(BASE, validBody("api.example"))
                .bearerAuth(ApiTestTokens.WRITER), String.class);
        assertThat(r.getStatus().getCode()).isEqualTo(201);
        assertThat(r.getHeaders().get(HttpHeaders.LOCATION)).isEqualTo(BASE + "/api.example");
        assertThat(json(r).get("name")).isEqualTo("api.example");
        assertThat(exports.calls).containsExactly("create api.example by deployer");
    }

    @Test
    void createOfTakenNameIs409() {
        HttpClientResponseException e = error(HttpRequest.POST(BASE, validBody("web")).bearerAuth(ApiTestTokens.WRITER));
        assertProblem(e, 409);
    }

    @Test
    void invalidSpecIs400WithFieldErrors() {
        String body = "{\"name\":\"x1\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\"}";
        HttpClientResponseException e = error(HttpRequest.POST(BASE, body).bearerAuth(ApiTestTokens.WRITER));
        Map<String, Object> problem = assertProblem(e, 400);
        assertThat(list(problem, "errors")).extracting(f -> f.get("field")).contains("common_name");
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        String body = "{\"name\":\"x1\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\"a.example.com\",\"private_key\":\"x\"}";
        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body).bearerAuth(ApiTestTokens.WRITER)), 400);
        assertThat(list(problem, "errors")).extracting(f -> f.get("field")).containsExactly("private_key");
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        String body = "{\"name\":\"x1\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\"a.example.com\",\"alt_names\":\"a\",\"ttl\":72}";
        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body).bearerAuth(ApiTestTokens.WRITER)), 400);
        assertThat(list(problem, "errors")).extracting(f -> f.get("field")).containsExactlyInAnyOrder("alt_names", "ttl");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(error(HttpRequest.POST(BASE, "{\"name\":").bearerAuth(ApiTestTokens.WRITER)), 400);
    }

    @Test
    void nonJsonBodyIs415() {
        MutableHttpRequest<String> req = HttpRequest.POST(BASE, "name=x").contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(ApiTestTokens.WRITER);
        assertProblem(error(req), 415);
    }

    @Test
    void oversizedBodyIs413AndNothingIsCreated() {
        String big = "{\"name\":\"big\",\"source\":\"issue\",\"common_name\":\"" + "a".repeat(70 * 1024) + "\"}";
        assertProblem(error(HttpRequest.POST(BASE, big).bearerAuth(ApiTestTokens.WRITER)), 413);
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void mountOutsideThePolicyIs403AndNothingIsCreated() {
        String body = validBody("x1").replace("pki_int", "pki");
        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body).bearerAuth(ApiTestTokens.WRITER)), 403);
        assertThat((String) problem.get("detail")).contains("mount 'pki'");
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void roleOutsideThePolicyIs403() {
        String body = validBody("x1").replace("\"role\":\"web\"", "\"role\":\"admin\"");
        assertProblem(error(HttpRequest.POST(BASE, body).bearerAuth(ApiTestTokens.WRITER)), 403);
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void commonNameOutsideThePolicyIs403() {
        String body = validBody("x1").replace("x1.example.com", "evil.example.org");
        assertProblem(error(HttpRequest.POST(BASE, body).bearerAuth(ApiTestTokens.WRITER)), 403);
        assertThat(exports.calls).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void vaultRefusalIs502WithSanitisedVaultErrors() {
        exports.failNext(() -> new VaultPermissionDeniedException("POST", "pki_int/issue/web",
                List.of("common name x1.example.com not allowed by this role\u001b[31m")));
        Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, validBody("x1")).bearerAuth(ApiTestTokens.WRITER)), 502);
        assertThat((List<Object>) problem.get("vault_errors")).containsExactly("common name x1.example.com not allowed by this role [31m");
    }

    // ---- update, delete, renew

    @Test
    void putChangesTheSpec() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.PUT(BASE + "/web", validBody("web"))
                .bearerAuth(ApiTestTokens.WRITER), String.class);
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        assertThat(exports.calls).containsExactly("update web");
    }

    @Test
    void putWithAnotherNameInTheBodyIs400() {
        assertProblem(error(HttpRequest.PUT(BASE + "/web", validBody("db")).bearerAuth(ApiTestTokens.WRITER)), 400);
    }

    @Test
    void deleteAnswers204AndPassesPurge() {
        HttpResponse<?> r = http.toBlocking().exchange(HttpRequest.DELETE(BASE + "/web?purge=true").bearerAuth(ApiTestTokens.WRITER));
        assertThat(r.getStatus().getCode()).isEqualTo(204);
        assertThat(exports.calls).containsExactly("delete web purge=true");
    }

    @Test
    void renewAnswers200() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST(BASE + "/web/renew", "").bearerAuth(ApiTestTokens.WRITER), String.class);
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        assertThat(json(r).get("serial")).isEqualTo("3c:9f:01:aa");
    }

    @Test
    void renewTooSoonIs429WithRetryAfter() {
        exports.failNext(() -> new RenewalTooSoonException("web", Duration.ofSeconds(120)));
        HttpClientResponseException e = error(HttpRequest.POST(BASE + "/web/renew", "").bearerAuth(ApiTestTokens.WRITER));
        assertProblem(e, 429);
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("120");
    }

    // ---- files

    @Test
    void fileListShowsSizesHashesAndPrivacy() {
        Map<String, Object> body = json(http.toBlocking().exchange(HttpRequest.GET(BASE + "/web/files").bearerAuth(ApiTestTokens.READER), String.class));
        List<Map<String, Object>> files = list(body, "files");
        assertThat(files).extracting(f -> f.get("name")).containsExactly("cert.pem", "key.pem");
        assertThat(files).extracting(f -> f.get("private")).containsExactly(false, true);
        assertThat(files).extracting(f -> f.get("content_type")).containsOnly("application/x-pem-file");
    }

    @Test
    void publicFileDownloadsWithContentTypeEtagAndDisposition() {
        HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web/files/cert.pem").bearerAuth(ApiTestTokens.READER), byte[].class);
        assertThat(r.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/x-pem-file"));
        assertThat(r.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"cert.pem\"");
        assertThat(r.getHeaders().get(HttpHeaders.ETAG)).isEqualTo("\"" + InMemoryExports.sha256(r.body()) + "\"");
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void fileDownloadWithMatchingEtagIs304() {
        HttpResponse<byte[]> first = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web/files/cert.pem").bearerAuth(ApiTestTokens.READER), byte[].class);
        HttpResponse<byte[]> again = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web/files/cert.pem").bearerAuth(ApiTestTokens.READER)
                .header(HttpHeaders.IF_NONE_MATCH, first.getHeaders().get(HttpHeaders.ETAG)), byte[].class);
        assertThat(again.getStatus().getCode()).isEqualTo(304);
    }

    @Test
    void readTokenCannotDownloadKeysAndTheKeyIsNotRead() {
        assertProblem(error(HttpRequest.GET(BASE + "/web/files/key.pem").bearerAuth(ApiTestTokens.READER)), 403);
        assertThat(exports.calls).noneMatch(c -> c.contains("key.pem"));
    }

    @Test
    void writeTokenCannotDownloadKeys() {
        assertProblem(error(HttpRequest.GET(BASE + "/web/files/key.pem").bearerAuth(ApiTestTokens.WRITER)), 403);
    }

    @Test
    void keysTokenDownloadsKeyOverLoopbackWithNoStore() {
        HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web/files/key.pem").bearerAuth(ApiTestTokens.KEYS), byte[].class);
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        assertThat(r.getHeaders().get(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(InMemoryExports.KEY_BYTES);
    }

    @Test
    void fileNotEnabledIs404() {
        assertProblem(error(HttpRequest.GET(BASE + "/web/files/bundle.p12").bearerAuth(ApiTestTokens.KEYS)), 404);
    }

    // ---- names and paths

    @Test
    void invalidExportNameIs400() {
        assertProblem(error(HttpRequest.GET(BASE + "/Web_UPPER").bearerAuth(ApiTestTokens.READER)), 400);
    }

    @Test
    void traversalInNamesAndFileNamesNeverReachesTheService() {
        List<String> paths = List.of(BASE + "/..%2F..%2Fetc", BASE + "/%2e%2e", BASE + "/%2e%2e/files/cert.pem",
                BASE + "/web/files/..%2F..%2Fetc%2Fpasswd", BASE + "/web/files/%2e%2e", BASE + "/web%2Ffiles",
                BASE + "/w%C3%A9b", BASE + "/web/files/c%E2%80%AEert.pem", BASE + "/web/files/..");
        for (String path : paths) {
            HttpClientResponseException e = error(HttpRequest.GET(path).bearerAuth(ApiTestTokens.KEYS));
            assertThat(e.getStatus().getCode()).as(path).isIn(400, 404);
            assertProblem(e, e.getStatus().getCode());
        }
        assertThat(exports.calls).as("no file was read").isEmpty();
    }

    @Test
    void unknownRouteIs404Problem() {
        assertProblem(error(HttpRequest.GET("/api/v1/nothing-here").bearerAuth(ApiTestTokens.READER)), 404);
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsASaneClientId() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET(BASE).bearerAuth(ApiTestTokens.READER)
                .header("X-Request-Id", "abc-123"), String.class);
        assertThat(r.getHeaders().get("X-Request-Id")).isEqualTo("abc-123");
        HttpClientResponseException e = error(HttpRequest.GET(BASE).header("X-Request-Id", "bad id\twith tab"));
        assertThat(e.getResponse().getHeaders().get("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void noCorsHeadersAreSent() {
        HttpResponse<?> r;
        try {
            r = http.toBlocking().exchange(HttpRequest.GET(BASE).bearerAuth(ApiTestTokens.READER)
                    .header("Origin", "https://evil.example"), String.class);
        } catch (HttpClientResponseException e) {
            // the framework refuses cross-origin requests to a loopback server outright; that is fine too
            r = e.getResponse();
        }
        assertThat(r.getHeaders().names()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }

    // ---- audit

    @Test
    void auditLogRecordsDownloadsDenialsAndMutationsWithoutSecrets() throws Exception {
        http.toBlocking().exchange(HttpRequest.GET(BASE + "/web/files/key.pem").bearerAuth(ApiTestTokens.KEYS), byte[].class);
        error(HttpRequest.GET(BASE).bearerAuth("wrong-token-value-123456"));
        http.toBlocking().exchange(HttpRequest.POST(BASE, validBody("audited")).bearerAuth(ApiTestTokens.WRITER), String.class);
        Path log = dir.resolve("audit.log");
        List<Map<String, Object>> lines = waitForLines(log, 3);
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("event")).isEqualTo("key.download");
            assertThat(l.get("export")).isEqualTo("web");
            assertThat(l.get("file")).isEqualTo("key.pem");
            assertThat(l.get("serial")).isEqualTo("3c:9f:01:aa");
            assertThat(l.get("actor")).isEqualTo(Map.of("type", "token", "name", "nginx"));
            assertThat(l.get("source_ip")).isEqualTo("127.0.0.1");
            assertThat(l.get("status")).isEqualTo(200);
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("event")).isEqualTo("auth.denied");
            assertThat(l.get("status")).isEqualTo(401);
            assertThat(l.get("outcome")).isEqualTo("denied");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("event")).isEqualTo("api.request");
            assertThat(l.get("method")).isEqualTo("POST");
            assertThat(l.get("export")).isEqualTo("audited");
            assertThat(l.get("status")).isEqualTo(201);
            assertThat(l).containsKeys("time", "request_id", "route", "duration_ms");
        });
        String text = Files.readString(log);
        assertThat(text).doesNotContain(ApiTestTokens.KEYS).doesNotContain(ApiTestTokens.WRITER)
                .doesNotContain("wrong-token-value").doesNotContain(ApiTestTokens.sha256(ApiTestTokens.KEYS))
                .doesNotContain("PRIVATE KEY").doesNotContain("TEST-KEY-MATERIAL");
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void requestMetricsCountByRouteTemplateAndKeyDownloadsByPrincipal() {
        http.toBlocking().exchange(HttpRequest.GET(BASE + "/web/files/key.pem").bearerAuth(ApiTestTokens.KEYS), byte[].class);
        String metrics = http.toBlocking().retrieve("/metrics");
        assertThat(metrics).contains("vault_pki_exporter_key_downloads_total{export=\"web\",principal=\"nginx\"}");
        assertThat(metrics).containsPattern("vault_pki_exporter_api_requests_total\\{route=\"/api/v1/certificates/\\{name\\}/files/\\{file\\}\",status=\"200\"\\}");
    }

    private static List<Map<String, Object>> waitForLines(Path log, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            if (lines.size() >= count || System.nanoTime() > deadline) {
                return lines.stream().map(CertificatesApiTest::json).toList();
            }
            Thread.onSpinWait();
        }
    }

    // ---- helpers

    private static String validBody(String name) {
        return "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\""
                + name + ".example.com\",\"ttl\":\"72h\",\"formats\":[\"pem\",\"fullchain\"]}";
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    static Map<String, Object> assertProblem(HttpClientResponseException e, int status) {
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("application/problem+json"));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        Map<String, Object> problem = json(body);
        assertThat(problem.get("status")).isEqualTo(status);
        assertThat(problem).containsKeys("type", "title", "detail", "instance", "errors", "vault_errors");
        assertThat(body).doesNotContain("at io.").doesNotContain("Exception").doesNotContain("PRIVATE KEY");
        return problem;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    static Map<String, Object> json(HttpResponse<String> r) {
        return json(r.body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

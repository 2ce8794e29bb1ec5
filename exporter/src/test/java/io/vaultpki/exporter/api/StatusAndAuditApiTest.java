package io.vaultpki.exporter.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
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
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The reads the status page needs beyond the export list: {@code GET /api/v1/status} (Vault reachability) and
 * {@code GET /api/v1/certificates/{name}/audit} (an export's newest audit events), with the API's access model.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusAndAuditApiTest implements TestPropertyProvider {

    private static final String HOSTILE = "</script><img src=x onerror=alert(1)>\"'&\u2028";
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path auditLog;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    InMemoryExports exports;

    @Override
    public Map<String, String> getProperties() {
        Path dir;
        try {
            dir = Files.createTempDirectory("status-audit-api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        auditLog = dir.resolve("audit.log");
        Map<String, String> p = new HashMap<>();
        ApiTestTokens.properties().forEach((k, v) -> p.put(k, v.toString()));
        p.put(InMemoryExports.PROPERTY, "true");
        p.put("exporter.path", dir.toString());
        p.put("exporter.audit.path", auditLog.toString());
        return p;
    }

    @BeforeEach
    void seed() {
        exports.reset();
        exports.put(ExportSpec.builder("web", Source.ISSUE).mount("pki_int").role("web").commonName("web.example.com").build());
        exports.put(ExportSpec.builder("db", Source.ISSUE).mount("pki_int").role("web").commonName(HOSTILE).build());
    }

    // ---- /status

    @Test
    void statusWithoutTokenIs401() {
        assertThat(status(HttpRequest.GET("/api/v1/status"))).isEqualTo(401);
    }

    @Test
    void statusWithoutReadScopeIs403() {
        assertThat(status(HttpRequest.GET("/api/v1/status").bearerAuth(ApiTestTokens.WRITE_ONLY))).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusShowsVaultReachabilityUnknownBeforeTheFirstCall() throws Exception {
        HttpResponse<String> r = read("/api/v1/status", ApiTestTokens.READER);

        Map<String, Object> vault = (Map<String, Object>) JSON.readValue(r.body(), Map.class).get("vault");
        assertThat(vault).containsEntry("reachable", null).containsEntry("since", null).containsEntry("reason", null);
    }

    // ---- /certificates/{name}/audit

    @Test
    void auditWithoutTokenIs401() {
        assertThat(status(HttpRequest.GET("/api/v1/certificates/web/audit"))).isEqualTo(401);
    }

    @Test
    void auditWithoutReadScopeIs403() {
        assertThat(status(HttpRequest.GET("/api/v1/certificates/web/audit").bearerAuth(ApiTestTokens.WRITE_ONLY)))
                .isEqualTo(403);
    }

    @Test
    void auditOfAnExportOutsideTheTokensAllowListIs403() {
        // the nginx token may see web* only
        assertThat(status(HttpRequest.GET("/api/v1/certificates/db/audit").bearerAuth(ApiTestTokens.KEYS))).isEqualTo(403);
        assertThat(status(HttpRequest.GET("/api/v1/certificates/web/audit").bearerAuth(ApiTestTokens.KEYS))).isEqualTo(200);
    }

    @Test
    void auditOfAnUnknownExportIs404AndABadNameOrLimitIs400() {
        assertThat(status(HttpRequest.GET("/api/v1/certificates/nope/audit").bearerAuth(ApiTestTokens.READER))).isEqualTo(404);
        assertThat(status(HttpRequest.GET("/api/v1/certificates/..%2Fetc/audit").bearerAuth(ApiTestTokens.READER))).isEqualTo(400);
        for (String limit : List.of("0", "101", "-1", "ten", "1e3", "99999999999")) {
            assertThat(status(HttpRequest.GET("/api/v1/certificates/web/audit?limit=" + limit).bearerAuth(ApiTestTokens.READER)))
                    .as("limit=%s", limit).isEqualTo(400);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void auditListsOnlyThatExportsEventsNewestFirstWithoutSourceAddresses() throws Exception {
        append("{\"time\":\"2026-11-23T10:00:00Z\",\"event\":\"file.switch\",\"actor\":{\"type\":\"system\",\"name\":\"exporter\"},"
                + "\"source_ip\":\"10.9.8.7\",\"request_id\":\"rid-1\",\"export\":\"web\",\"serial\":\"01\",\"outcome\":\"success\"}");
        append("{\"time\":\"2026-11-23T10:01:00Z\",\"event\":\"file.switch\",\"export\":\"db\",\"outcome\":\"success\"}");
        append("not json at all");
        append("{\"time\":\"2026-11-23T10:02:00Z\",\"event\":\"hook.run\",\"export\":\"web\",\"hook\":\"reload\","
                + "\"outcome\":\"failure\",\"exit_code\":3}");

        List<Map<String, Object>> events = events("web", ApiTestTokens.READER, "");

        List<Map<String, Object>> ours = events.stream().filter(e -> !"api.request".equals(e.get("event"))).toList();
        assertThat(ours).extracting(e -> e.get("event")).containsExactly("hook.run", "file.switch");
        assertThat(ours.get(0)).containsEntry("exit_code", 3).containsEntry("hook", "reload");
        assertThat(ours.get(1)).containsEntry("actor", Map.of("type", "system", "name", "exporter"));
        assertThat(events).allSatisfy(e -> assertThat(e).doesNotContainKeys("source_ip", "request_id", "export"));
        assertThat(events).noneSatisfy(e -> assertThat(e.get("time")).isEqualTo("2026-11-23T10:01:00Z"));
    }

    @Test
    void auditHonoursTheLimit() throws Exception {
        exports.put(ExportSpec.builder("limited", Source.ISSUE).mount("pki_int").role("web").commonName("l.example.com").build());
        for (int i = 0; i < 5; i++) {
            append("{\"time\":\"2026-11-23T11:0" + i + ":00Z\",\"event\":\"vault.issue\",\"export\":\"limited\",\"outcome\":\"success\"}");
        }
        List<Map<String, Object>> events = events("limited", ApiTestTokens.READER, "?limit=2");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("time")).isEqualTo("2026-11-23T11:04:00Z");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostileTextRoundTripsAsEscapedJson() throws Exception {
        append(JSON.writeValueAsString(Map.of("time", "2026-11-23T12:00:00Z", "event", "vault.issue", "export", "db",
                "outcome", "failure", "detail", HOSTILE)));

        HttpResponse<String> r = read("/api/v1/certificates/db/audit", ApiTestTokens.READER);
        assertThat(r.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("application/json"));
        List<Map<String, Object>> events = (List<Map<String, Object>>) JSON.readValue(r.body(), Map.class).get("events");
        assertThat(events).anySatisfy(e -> assertThat(e.get("detail")).isEqualTo(HOSTILE));
        assertThat(r.body()).doesNotContain("<", ">", "&", "'", "\u2028").contains("\\u003C/script\\u003E", "\\\"");

        HttpResponse<String> list = read("/api/v1/certificates", ApiTestTokens.READER);
        List<Map<String, Object>> certificates = (List<Map<String, Object>>) JSON.readValue(list.body(), Map.class).get("certificates");
        assertThat(certificates).anySatisfy(c -> assertThat(c.get("subject")).isEqualTo("CN=" + HOSTILE));
        assertThat(list.body()).doesNotContain("<", ">", "&", "'", "\u2028");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportListCarriesTheLastSwitchAndOnlyTheAllowedExports() throws Exception {
        HttpResponse<String> r = read("/api/v1/certificates", ApiTestTokens.KEYS);

        List<Map<String, Object>> certificates = (List<Map<String, Object>>) JSON.readValue(r.body(), Map.class).get("certificates");
        assertThat(certificates).extracting(c -> c.get("name")).containsExactly("web");
        assertThat(certificates.get(0)).containsEntry("last_switch", "2026-11-23T10:00:00Z");
    }

    private List<Map<String, Object>> events(String name, String token, String query) throws Exception {
        HttpResponse<String> r = read("/api/v1/certificates/" + name + "/audit" + query, token);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) JSON.readValue(r.body(), Map.class).get("events");
        return events;
    }

    private HttpResponse<String> read(String path, String token) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), String.class);
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private void append(String line) throws IOException {
        Files.writeString(auditLog, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

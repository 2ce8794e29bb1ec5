package io.vaultpki.exporter.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.files.PendingRevocation;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vaultpki.exporter.api.CertificatesApiTest.assertProblem;
import static io.vaultpki.exporter.api.CertificatesApiTest.json;
import static io.vaultpki.exporter.api.CertificatesApiTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * revoke_previous over the API: how an export shows its revocation state, and every way a body could try to aim a
 * revocation (a serial, another export's serial, a public-only source, an export outside the token's reach).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevokePreviousApiTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private static final Instant REPLACED = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    InMemoryExports exports;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>();
        ApiTestTokens.properties().forEach((k, v) -> p.put(k, v.toString()));
        try {
            p.put("exporter.path", Files.createTempDirectory("revoke-api").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.put(InMemoryExports.PROPERTY, "true");
        return p;
    }

    @BeforeEach
    void seed() {
        exports.reset();
        exports.put(web("web").revokePrevious(true).build());
        exports.put(web("db").build());
        exports.put(ExportSpec.builder("legacy", Source.ISSUE).mount("pki").role("web").commonName("legacy.example.com")
                .build());
    }

    private static ExportSpec.Builder web(String name) {
        return ExportSpec.builder(name, Source.ISSUE).mount("pki_int").role("web").commonName(name + ".example.com");
    }

    private static String body(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\""
                + name + ".example.com\"" + extra + "}";
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> revocation(String name) {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET(BASE + "/" + name)
                .bearerAuth(ApiTestTokens.READER), String.class);
        return (Map<String, Object>) json(r).get("revocation");
    }

    @Test
    void theViewShowsWhetherItIsEnabledThePendingSerialsWithWhenDueAndTheLastOutcome() {
        PendingRevocation pending = new PendingRevocation("aa:bb:cc:dd", "pki_int", REPLACED.plusSeconds(86400), REPLACED,
                REPLACED.plusSeconds(120), 2, REPLACED.plusSeconds(160), "server_error: Vault 500 on pki_int/revoke: boom");
        exports.putRevocations("web", new RevocationRecord(List.of(pending),
                new RevocationRecord.Last("aa:bb:cc:dd", "failure", REPLACED.plusSeconds(140), pending.lastError())));

        Map<String, Object> web = revocation("web");
        Map<String, Object> db = revocation("db");

        assertThat(web.get("enabled")).isEqualTo(true);
        assertThat(list(web, "pending")).singleElement().satisfies(p -> {
            assertThat(p.get("serial")).isEqualTo("aa:bb:cc:dd");
            assertThat(p.get("due_at")).isEqualTo("2026-11-23T10:02:00Z");
            assertThat(p.get("next_attempt")).isEqualTo("2026-11-23T10:02:40Z");
            assertThat(p.get("attempts")).isEqualTo(2);
            assertThat((String) p.get("last_error")).startsWith("server_error");
        });
        assertThat(web.get("last_outcome")).isEqualTo("failure");
        assertThat(web.get("last_serial")).isEqualTo("aa:bb:cc:dd");
        assertThat(web.get("last_time")).isEqualTo("2026-11-23T10:02:20Z");
        assertThat(db).containsEntry("enabled", false).containsEntry("last_outcome", null);
        assertThat(list(db, "pending")).isEmpty();
    }

    @Test
    void theEtagChangesWhenTheRevocationStateChangesThoughTheSerialDoesNot() {
        String before = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web").bearerAuth(ApiTestTokens.READER),
                String.class).getHeaders().get(HttpHeaders.ETAG);
        exports.putRevocations("web", new RevocationRecord(List.of(), new RevocationRecord.Last("aa:bb", "revoked",
                REPLACED, null)));

        HttpResponse<String> after = http.toBlocking().exchange(HttpRequest.GET(BASE + "/web")
                .bearerAuth(ApiTestTokens.READER).header(HttpHeaders.IF_NONE_MATCH, before), String.class);

        assertThat(after.getStatus().getCode()).isEqualTo(200);
        assertThat(after.getHeaders().get(HttpHeaders.ETAG)).isNotEqualTo(before).startsWith("\"3c:9f:01:aa-r");
    }

    @Test
    void createAndUpdateCarryRevokePreviousToTheServiceAndItIsOffByDefault() {
        HttpResponse<String> created = http.toBlocking().exchange(HttpRequest.POST(BASE, body("api1", ",\"revoke_previous\":true"))
                .bearerAuth(ApiTestTokens.WRITER), String.class);
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("api2", "")).bearerAuth(ApiTestTokens.WRITER), String.class);
        http.toBlocking().exchange(HttpRequest.PUT(BASE + "/db", body("db", ",\"revoke_previous\":true"))
                .bearerAuth(ApiTestTokens.WRITER), String.class);

        assertThat(json(created).get("revoke_previous")).isEqualTo(true);
        assertThat(exports.get("api1").orElseThrow().spec().revokePrevious()).isTrue();
        assertThat(exports.get("api2").orElseThrow().spec().revokePrevious()).isFalse();
        assertThat(exports.get("db").orElseThrow().spec().revokePrevious()).isTrue();
    }

    @Test
    void revokePreviousOnAnIssuerOrCertificateExportIs400NamingTheField() {
        String issuer = "{\"name\":\"ca\",\"source\":\"issuer\",\"mount\":\"pki_int\",\"revoke_previous\":true}";
        String certificate = "{\"name\":\"c1\",\"source\":\"certificate\",\"mount\":\"pki_int\",\"serial\":\"3c:9f:01:aa\","
                + "\"revoke_previous\":true}";

        for (String body : List.of(issuer, certificate)) {
            Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body).bearerAuth(ApiTestTokens.WRITER)), 400);
            assertThat(list(problem, "errors")).extracting(f -> f.get("field")).containsExactly("revoke_previous");
        }
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void revokePreviousMustBeAJsonBoolean() {
        for (String value : List.of("\"true\"", "1", "[true]", "{\"serial\":\"aa:bb\"}")) {
            Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body("api3", ",\"revoke_previous\":" + value))
                    .bearerAuth(ApiTestTokens.WRITER)), 400);
            assertThat(list(problem, "errors")).as(value).extracting(f -> f.get("field")).contains("revoke_previous");
        }
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void aBodyCanNeverNameTheSerialToRevoke() {
        String ownSerial = body("api4", ",\"revoke_previous\":true,\"serial\":\"3c:9f:01:aa\"");
        String previousSerial = body("api4", ",\"revoke_previous\":true,\"previous_serial\":\"3c:9f:01:aa\"");
        String revokeList = body("api4", ",\"revoke_previous\":true,\"revoke\":[\"3c:9f:01:aa\"]");
        String otherExport = body("web", ",\"revoke_previous\":true,\"revoke_serials_of\":\"db\"");

        assertThat(fields(HttpRequest.POST(BASE, ownSerial))).containsExactly("serial");
        assertThat(fields(HttpRequest.POST(BASE, previousSerial))).containsExactly("previous_serial");
        assertThat(fields(HttpRequest.POST(BASE, revokeList))).containsExactly("revoke");
        assertThat(fields(HttpRequest.PUT(BASE + "/web", otherExport))).containsExactly("revoke_serials_of");
        assertThat(exports.calls).isEmpty();
    }

    @Test
    void onlyATokenThatMayWriteTheExportCanTurnRevokePreviousOn() {
        String legacy = "{\"name\":\"legacy\",\"source\":\"issue\",\"mount\":\"pki\",\"role\":\"web\","
                + "\"common_name\":\"legacy.example.com\",\"revoke_previous\":true}";

        assertProblem(error(HttpRequest.PUT(BASE + "/legacy", legacy).bearerAuth(ApiTestTokens.WRITER)), 403);
        assertProblem(error(HttpRequest.PUT(BASE + "/db", body("db", ",\"revoke_previous\":true"))
                .bearerAuth(ApiTestTokens.READER)), 403);
        assertProblem(error(HttpRequest.PUT(BASE + "/db", body("db", ",\"revoke_previous\":true"))
                .bearerAuth(ApiTestTokens.KEYS)), 403);
        assertThat(exports.calls).isEmpty();
        assertThat(exports.get("legacy").orElseThrow().spec().revokePrevious()).isFalse();
        assertThat(exports.get("db").orElseThrow().spec().revokePrevious()).isFalse();
    }

    private List<Object> fields(io.micronaut.http.MutableHttpRequest<String> request) {
        Map<String, Object> problem = assertProblem(error(request.bearerAuth(ApiTestTokens.WRITER)), 400);
        return list(problem, "errors").stream().map(f -> f.get("field")).toList();
    }
}

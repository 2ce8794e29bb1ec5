package io.vaultpki.exporter.robustness;

import io.vaultpki.exporter.api.ApiTestTokens;
import io.vaultpki.exporter.DirectorySnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.EmulatedVault;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to every part of the exporter's API — each body field of create and update, the path parameters, the
 * query parameters, the headers and the body size — over the real export operations, files and an emulated Vault. Each
 * answer is a 4xx {@code application/problem+json} without a stack trace, Vault's raw body or a secret; the export
 * root stays byte-identical (no directory, no {@code .state/specs} file) and the API keeps answering.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiInputRobustnessTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private static final String OPERATOR = "operator-token-robustness-0123456789";
    private static final String READER = "reader-token-robustness-0123456789";
    private static final String P12_PASSWORD = "p12-password-robustness-never-echoed";
    private static final String KEPT = "kept";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmulatedVault fixture;
    private Path root;
    private Path auditDir;
    private Map<String, String> before;

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Map<String, String> getProperties() {
        fixture = EmulatedVault.start("robustness-api");
        try {
            auditDir = Files.createDirectories(Path.of("target", "robustness-audit-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root = fixture.exportRoot();
        Map<String, String> p = fixture.properties();
        p.put("micronaut.server.port", "-1");
        p.put("exporter.audit.path", auditDir.resolve("audit.log").toAbsolutePath().toString());
        p.put("exporter.files.pkcs12-password", P12_PASSWORD);
        p.put("exporter.api.tokens[0].name", "operator");
        p.put("exporter.api.tokens[0].sha256", ApiTestTokens.sha256(OPERATOR));
        p.put("exporter.api.tokens[0].scopes", "read,write,keys");
        p.put("exporter.api.tokens[1].name", "reader");
        p.put("exporter.api.tokens[1].sha256", ApiTestTokens.sha256(READER));
        p.put("exporter.api.tokens[1].scopes", "read");
        return p;
    }

    @BeforeAll
    void createOneExport() throws Exception {
        HttpResponse<String> created = send("POST", BASE, validBody(KEPT, Map.of()), OPERATOR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @BeforeEach
    void snapshotTheExportRoot() {
        before = DirectorySnapshot.of(root);
        assertThat(before).containsKey(".state/specs/" + KEPT + ".json");
    }

    @AfterEach
    void nothingWasWrittenAndTheApiStillAnswers() throws Exception {
        assertThat(DirectorySnapshot.of(root)).as("export root after the bad request").isEqualTo(before);
        HttpResponse<String> list = send("GET", BASE, null, READER);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"" + KEPT + "\"");
        fixture.emulator().faults().clear();
    }

    // ---- request bodies: every field of create (POST) and update (PUT), one bad value at a time

    static Stream<Arguments> badFields() {
        String huge = "\"" + "a".repeat(5000) + "\"";
        return Stream.of(
                // name
                Arguments.of("name", "\"\""), Arguments.of("name", "\"../etc\""), Arguments.of("name", "\"a/b\""),
                Arguments.of("name", "\"web\\u0000\""), Arguments.of("name", "\"w\u00e9b\""), Arguments.of("name", "\"WEB\""),
                Arguments.of("name", "\".state\""), Arguments.of("name", "\"a\\nb\""), Arguments.of("name", huge),
                Arguments.of("name", "42"), Arguments.of("name", "[\"web\"]"),
                // source
                Arguments.of("source", "\"\""), Arguments.of("source", "\"shell\""), Arguments.of("source", "\"issue\\u0000\""), Arguments.of("source", "\"issue\\n\""),
                Arguments.of("source", "1"), Arguments.of("source", "{}"),
                // mount
                Arguments.of("mount", "\"../sys\""), Arguments.of("mount", "\"pki_int/../sys/mounts\""),
                Arguments.of("mount", "\"pki_int\\t\""), Arguments.of("mount", "\"pki int\""), Arguments.of("mount", "\"pki\\u0000\""),
                Arguments.of("mount", "\"p\u0138i\""), Arguments.of("mount", huge), Arguments.of("mount", "true"),
                Arguments.of("mount", "\"pki_int?x=1\""), Arguments.of("mount", "\"%2e%2e\""),
                // role
                Arguments.of("role", "\"../issue/web\""), Arguments.of("role", "\"web/../../x\""), Arguments.of("role", "\"\""),
                Arguments.of("role", "\"w\\r\\neb\""), Arguments.of("role", huge), Arguments.of("role", "[]"),
                Arguments.of("role", "\"..\""), Arguments.of("role", "\".\""),
                // issuer_ref, serial
                Arguments.of("issuer_ref", "\"../../sys\""), Arguments.of("issuer_ref", "\"..\""), Arguments.of("issuer_ref", "\"a\\u0000\""), Arguments.of("issuer_ref", "7"),
                Arguments.of("serial", "\"../x\""), Arguments.of("serial", "{\"a\":1}"),
                // common_name
                Arguments.of("common_name", "\"\""), Arguments.of("common_name", "\"a\\u0000.example.com\""),
                Arguments.of("common_name", "\"a\\nb.example.com\""), Arguments.of("common_name", huge),
                Arguments.of("common_name", "12"), Arguments.of("common_name", "[\"a.example.com\"]"),
                // SANs
                Arguments.of("alt_names", "\"a.example.com\""), Arguments.of("alt_names", "[1]"),
                Arguments.of("alt_names", "[\"a\\u0000.example.com\"]"), Arguments.of("alt_names", "[\"\"]"),
                Arguments.of("alt_names", hundredAndOne()), Arguments.of("alt_names", "[" + huge + "]"),
                Arguments.of("ip_sans", "[\"999.1.1.1\"]"), Arguments.of("ip_sans", "[\"not-an-ip\"]"),
                Arguments.of("ip_sans", "[\"10.0.0.1/8\"]"), Arguments.of("ip_sans", "\"10.0.0.1\""),
                Arguments.of("uri_sans", "[\"not a uri\"]"), Arguments.of("uri_sans", "[\"\\u0000\"]"), Arguments.of("uri_sans", "{}"),
                // durations
                Arguments.of("ttl", "72"), Arguments.of("ttl", "\"-1h\""), Arguments.of("ttl", "\"0s\""),
                Arguments.of("ttl", "\"abc\""), Arguments.of("ttl", "\"1x\""), Arguments.of("ttl", "\"\""),
                Arguments.of("ttl", "\"99999999999999999999h\""), Arguments.of("ttl", "\"9223372036854775807s\""),
                Arguments.of("ttl", "\"100000000h\""), Arguments.of("ttl", "\"1h\\u0000\""), Arguments.of("ttl", "\"\uff11h\""),
                Arguments.of("renew_before", "\"-5m\""), Arguments.of("renew_before", "\"0s\""), Arguments.of("renew_before", "24"),
                Arguments.of("renew_before", "\"forever\""), Arguments.of("renew_before", "\"99999999999999999999h\""),
                // keys
                Arguments.of("key_type", "\"dsa\""), Arguments.of("key_type", "\"\""), Arguments.of("key_type", "1"),
                Arguments.of("key_bits", "-1"), Arguments.of("key_bits", "2147483648"), Arguments.of("key_bits", "1.5"),
                Arguments.of("key_bits", "\"256\""), Arguments.of("key_bits", "99999999999999999999999"),
                Arguments.of("key_bits", "16385"),
                // csr (issue source: not allowed; the sign-source cases are below)
                Arguments.of("csr", "\"not a csr\""), Arguments.of("csr", "\"" + "A".repeat(40 * 1024) + "\""),
                // formats, naming
                Arguments.of("formats", "[\"exe\"]"), Arguments.of("formats", "\"pem\""), Arguments.of("formats", "[null]"),
                Arguments.of("formats", "[\"pem\",\"../x\"]"), Arguments.of("formats", "[1]"),
                Arguments.of("naming", "\"windows\""), Arguments.of("naming", "\"../\""), Arguments.of("naming", "0"),
                // hook
                Arguments.of("hook", "\"sh -c reboot\""), Arguments.of("hook", "{\"command\":\"rm -rf /\"}"),
                Arguments.of("hook", "{\"command\":[]}"), Arguments.of("hook", "{\"command\":[\"\"]}"),
                Arguments.of("hook", "{\"command\":[\"x\"],\"timeout\":\"-1s\"}"),
                Arguments.of("hook", "{\"command\":[\"x\"],\"timeout\":\"100000h\"}"),
                Arguments.of("hook", "{\"command\":[\"x\"],\"timeout\":30}"),
                Arguments.of("hook", "{\"command\":[\"x\"],\"env\":{\"A\":\"b\"}}"),
                Arguments.of("hook", "{\"command\":[\"x\\u0000y\"]}"),
                Arguments.of("hook", "[\"sh\",\"-c\",\"id\"]"), Arguments.of("hook", "{\"name\":\"reload\"}"),
                Arguments.of("hook", "\"../reload\""), Arguments.of("hook", "\"/bin/sh\""), Arguments.of("hook", "\"Reload\""),
                Arguments.of("hook", "\"reload\\u0000\""), Arguments.of("hook", "true"),
                // a command anywhere in the body
                Arguments.of("command", "[\"sh\",\"-c\",\"id\"]"), Arguments.of("command", "\"id\""),
                Arguments.of("alt_names", "[{\"command\":[\"id\"]}]"),
                Arguments.of("formats", "[\"pem\",{\"command\":\"id\"}]"),
                // unknown fields, among them every file, process and secret setting that is configuration only
                Arguments.of("private_key", "\"x\""), Arguments.of("__proto__", "{}"),
                Arguments.of("group", "\"root\""), Arguments.of("key_mode", "\"0666\""), Arguments.of("mode", "\"0777\""),
                Arguments.of("owner", "\"root\""), Arguments.of("path", "\"/etc\""), Arguments.of("directory", "\"/etc\""),
                Arguments.of("file_names", "{\"key.pem\":\"../../x\"}"), Arguments.of("template", "\"{{.Key}}\""),
                Arguments.of("pkcs12_password", "\"x\""), Arguments.of("pkcs12_password_file", "\"/etc/shadow\""),
                Arguments.of("key_passphrase_file", "\"/etc/shadow\""), Arguments.of("environment", "[\"A=b\"]"),
                Arguments.of("env", "{\"A\":\"b\"}"), Arguments.of("timeout", "\"1s\""), Arguments.of("policy", "{}"));
    }

    @ParameterizedTest(name = "POST {0}={1}")
    @MethodSource("badFields")
    void aBadFieldInACreateIs400NamingTheFieldAndCreatesNothing(String field, String json) throws Exception {
        String name = field.equals("name") ? null : "bad-create";
        HttpResponse<String> response = send("POST", BASE, body(name, field, json), OPERATOR);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText())
                .anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(response.body()).doesNotContain("a".repeat(200)).doesNotContain("A".repeat(200));
        assertThat(send("GET", BASE + "/bad-create", null, READER).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "PUT {0}={1}")
    @MethodSource("badFields")
    void aBadFieldInAnUpdateIs400AndLeavesTheExportsFilesAndSpecAsTheyWere(String field, String json) throws Exception {
        HttpResponse<String> response = send("PUT", BASE + "/" + KEPT, body(null, field, json), OPERATOR);

        int expected = field.equals("name") ? 400 : 400;
        JsonNode problem = assertProblem(response, expected);
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText())
                .anySatisfy(f -> assertThat(f).startsWith(field));
    }

    static Stream<Arguments> badSignRequests() {
        return Stream.of(
                Arguments.of("\"\""),
                Arguments.of("\"-----BEGIN CERTIFICATE REQUEST-----\\nnot base64!\\n-----END CERTIFICATE REQUEST-----\\n\""),
                Arguments.of("\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\""),
                Arguments.of("\"-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\\n-----END PRIVATE KEY-----\\n\""),
                Arguments.of("\"\\u0000\\u0001\\u0002\""),
                Arguments.of("\"" + "B".repeat(33 * 1024) + "\""),
                Arguments.of("[\"csr\"]"));
    }

    @ParameterizedTest(name = "sign csr={0}")
    @MethodSource("badSignRequests")
    void aSignExportWithABadCsrIs400NamingCsrWithoutEchoingIt(String csr) throws Exception {
        String body = "{\"name\":\"bad-sign\",\"source\":\"sign\",\"mount\":\"pki_int\",\"role\":\"web\",\"csr\":" + csr + "}";
        HttpResponse<String> response = send("POST", BASE, body, OPERATOR);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).contains("csr");
        assertThat(response.body()).doesNotContain("BEGIN").doesNotContain("MIGHAgEA").doesNotContain("B".repeat(100));
    }

    static Stream<String> notOneObject() {
        return Stream.of("", " ", "null", "[]", "\"web\"", "42", "{", "{\"name\":\"a\",}", "{\"name\":\"x\",\"name\":\"y\"}",
                "{} {}", "\u0000", "{\"name\":\"\\ud800\"}", "\ufeff{\"name\":\"bom\"}", "{\"a\":" + "[".repeat(5000));
    }

    @ParameterizedTest(name = "body {0}")
    @MethodSource("notOneObject")
    void aBodyThatIsNotOneJsonObjectIs400(String body) throws Exception {
        assertProblem(send("POST", BASE, body, OPERATOR), 400);
    }

    @Test
    void aDeeplyNestedUnknownFieldIs400WithoutExhaustingTheParser() throws Exception {
        String nested = "{\"hook\":{\"command\":[\"x\"],\"timeout\":\"1s\",\"deep\":" + "{\"a\":".repeat(2000) + "1"
                + "}".repeat(2000) + "}}";
        assertProblem(send("POST", BASE, nested, OPERATOR), 400);
    }

    @Test
    void aBodyOverTheLimitIs413EvenWhenSentChunkedWithoutALength() throws Exception {
        String big = "{\"name\":\"big\",\"source\":\"issue\",\"common_name\":\"" + "a".repeat(200 * 1024) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(url(BASE)).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 413);
    }

    @ParameterizedTest(name = "content type {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x"})
    void aBodyThatIsNotDeclaredJsonIs415(String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url(BASE)).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(validBody("ctype", Map.of()))).build();
        assertProblem(http.send(request, HttpResponse.BodyHandlers.ofString()), 415);
    }

    // ---- path parameters

    @ParameterizedTest(name = "name {0}")
    @ValueSource(strings = {"..", "%2e%2e", "..%2F..%2Fetc", ".state", "%2Estate", "WEB", "w%C3%A9b", "web%00", "%00",
            "web%0Aevil", "web%20", "web%E2%80%AE", "%EF%BC%8E%EF%BC%8E", "-web", "kept%2F..%2Fkept"})
    void aBadExportNameInThePathIs400Or404ForEveryVerbAndTouchesNothing(String name) throws Exception {
        assertClientError(send("GET", BASE + "/" + name, null, OPERATOR));
        assertClientError(send("GET", BASE + "/" + name + "/files", null, OPERATOR));
        assertClientError(send("GET", BASE + "/" + name + "/files/cert.pem", null, OPERATOR));
        assertClientError(send("PUT", BASE + "/" + name, validBody(null, Map.of()), OPERATOR));
        assertClientError(send("POST", BASE + "/" + name + "/renew", null, OPERATOR));
        assertClientError(send("DELETE", BASE + "/" + name + "?purge=true", null, OPERATOR));
    }

    @Test
    void aVeryLongExportNameIs400AndDeletesNothing() throws Exception {
        String name = "a".repeat(4000);
        HttpResponse<String> response = send("DELETE", BASE + "/" + name + "?purge=true", null, OPERATOR);
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("detail").asText()).doesNotContain(name);
    }

    @ParameterizedTest(name = "file {0}")
    @ValueSource(strings = {"..", "..%2F..%2F.state%2Fspecs%2Fkept.json", "%2e%2e%2Fmetadata.json",
            ".current", "cert.pem%00", "cert.pem%00.txt", "%00", "cert.pem%0A", "CERT.PEM", "c%C3%A9rt.pem", "cert.pem%20",
            "key.pem%2F..%2Fcert.pem", "%EF%BC%8E%EF%BC%8E"})
    void aBadFileNameIs400Or404AndReadsNothingOutsideTheExport(String file) throws Exception {
        HttpResponse<String> response = send("GET", BASE + "/" + KEPT + "/files/" + file, null, OPERATOR);
        assertClientError(response);
        assertThat(response.body()).doesNotContain("BEGIN").doesNotContain("\"spec_hash\"").doesNotContain("\"source\"");
    }

    @ParameterizedTest(name = "issuer {0}")
    @ValueSource(strings = {"..", "..%2F..%2Fsys%2Fmounts", "%00", "a%0Ab", "%E2%80%AE", "x%20y"})
    void aBadIssuerIdIs400Or404WithoutCallingVaultWithIt(String id) throws Exception {
        assertClientError(send("GET", "/api/v1/issuers/" + id, null, READER));
        assertClientError(send("GET", "/api/v1/issuers/" + id + "/files/ca.pem", null, READER));
    }

    @Test
    void aVeryLongIssuerIdIs400() throws Exception {
        assertProblem(send("GET", "/api/v1/issuers/" + "a".repeat(3000), null, READER), 400);
    }

    @ParameterizedTest(name = "issuer file {0}")
    @ValueSource(strings = {"key.pem", "..", "ca.pem%00", "CA.PEM", "%2e%2e%2Fca.pem"})
    void anIssuerFileOtherThanItsCertificatesIs400Or404(String file) throws Exception {
        String id = fixture.demo().rootIssuerId();
        assertClientError(send("GET", "/api/v1/issuers/" + id + "/files/" + file + "?mount=pki", null, READER));
    }

    // ---- query parameters

    @ParameterizedTest(name = "mount {0}")
    @ValueSource(strings = {"..", "pki%2F..%2Fsys", "pki%2F..%2F..%2Fsys%2Fmounts", "pki%00", "pki%0Aint",
            "p%C3%AEki", "pki%20int", "pki%3Fx%3D1", "pki%23x", "", "%2E", "pki%2F%2Fint"})
    void aBadMountQueryIs4xxProblemAndNeverAVaultPathOutsideTheMount(String mount) throws Exception {
        long sysReads = fixture.emulator().requests().count("GET", "sys/(?!mounts$).*");
        HttpResponse<String> list = send("GET", "/api/v1/issuers?mount=" + mount, null, READER);
        HttpResponse<String> one = send("GET", "/api/v1/issuers/" + fixture.demo().rootIssuerId() + "?mount=" + mount,
                null, READER);

        assertProblem(list, list.statusCode());
        assertThat(list.statusCode()).isIn(400, 404);
        assertProblem(one, one.statusCode());
        assertThat(one.statusCode()).isIn(400, 404);
        assertThat(fixture.emulator().requests().count("GET", "sys/(?!mounts$).*")).isEqualTo(sysReads);
    }

    @Test
    void aTwentyKilobyteUrlIs414WithARequestIdNotBodyTooLarge() throws Exception {
        String path = BASE + "/" + KEPT + "/files/" + "f".repeat(20 * 1024);
        HttpResponse<String> response = send("GET", path, null, READER);

        JsonNode problem = assertProblem(response, 414);
        assertThat(problem.path("detail").asText()).contains("URL").doesNotContain("body").doesNotContain("fff");
        assertThat(problem.path("request_id").asText()).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("f".repeat(100)).doesNotContain("/bad-request");
    }

    @Test
    void headersOverTheServersLimitAre431NotBodyTooLarge() throws Exception {
        String raw = raw("GET " + BASE + " HTTP/1.1", "X-Padding: " + "h".repeat(20 * 1024), null);
        assertRawProblem(raw, 431);
        assertThat(raw).contains("headers are too large").doesNotContain("body").doesNotContain("h".repeat(100));
    }

    @Test
    void aHugeMountQueryIs400() throws Exception {
        assertProblem(send("GET", "/api/v1/issuers?mount=" + "p".repeat(3000), null, READER), 400);
    }

    @ParameterizedTest(name = "purge={0}")
    @ValueSource(strings = {"maybe", "1", "yes", "%00", "true%00", "tru%C3%A9", "99999999999999999999"})
    void aPurgeFlagThatIsNotABooleanIs400AndDeletesNothing(String purge) throws Exception {
        assertProblem(send("DELETE", BASE + "/" + KEPT + "?purge=" + purge, null, OPERATOR), 400);
    }

    // ---- headers

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Bearer", "Bearer ", "Basic b3BlcmF0b3I6eA==", "bearer", "Bearer a b c", "Token x",
            "Bearer \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
            "Bearer\toperator-token-robustness-0123456789"})
    void aGarbledAuthorizationHeaderIs401AndCreatesNothing(String authorization) throws Exception {
        String raw = raw("POST " + BASE + " HTTP/1.1", "Authorization: " + authorization, validBody("garbled", Map.of()));
        assertRawProblem(raw, 401);
    }

    @Test
    void aHugeAuthorizationHeaderIsRefusedWithoutEchoingIt() throws Exception {
        String token = "x".repeat(6000);
        HttpResponse<String> response = send("GET", BASE, null, token);
        assertThat(response.statusCode()).isIn(400, 401, 413, 431);
        assertThat(response.body()).doesNotContain(token);
    }

    @Test
    void anAuthorizationHeaderOverTheServersHeaderLimitIsA4xxAndTheServerStaysUp() throws Exception {
        String raw = raw("GET " + BASE + " HTTP/1.1", "Authorization: Bearer " + "y".repeat(64 * 1024), null);
        assertThat(statusOf(raw)).isEqualTo(431);
        assertThat(raw).doesNotContain("y".repeat(1000)).doesNotContain("\tat ");
    }

    static Stream<String> oddHeaders() {
        return Stream.of("X-Request-Id: a\u0000b", "X-Request-Id: " + "r".repeat(5000), "If-None-Match: \u0001\u0002",
                "Content-Type: application/json; charset=\u00ff", "X-Forwarded-For: ../../etc");
    }

    @ParameterizedTest(name = "header {0}")
    @MethodSource("oddHeaders")
    void oddHeadersNeverBreakTheAnswer(String header) throws Exception {
        String raw = raw("GET " + BASE + "/" + KEPT + " HTTP/1.1", header + "\r\nAuthorization: Bearer " + READER, null);
        int status = statusOf(raw);
        assertThat(status).isIn(200, 304, 400);
        assertThat(raw).doesNotContain("\tat ").doesNotContain("r".repeat(100));
    }

    @Test
    void aNulInTheRequestLineIsA400AndTheServerStaysUp() throws Exception {
        String raw = raw("GET " + BASE + "/ke\u0000pt HTTP/1.1", "Authorization: Bearer " + READER, null);
        assertThat(statusOf(raw)).isBetween(400, 404);
        assertThat(raw).doesNotContain("\tat ");
    }

    // ---- helpers

    private static String hundredAndOne() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            b.append(i == 0 ? "" : ",").append("\"a").append(i).append(".example.com\"");
        }
        return b.append("]").toString();
    }

    private static String validBody(String name, Map<String, String> overrides) {
        Map<String, String> fields = new TreeMap<>();
        if (name != null) {
            fields.put("name", "\"" + name + "\"");
        }
        fields.put("source", "\"issue\"");
        fields.put("mount", "\"pki_int\"");
        fields.put("role", "\"web\"");
        fields.put("common_name", "\"kept.example.com\"");
        fields.put("ttl", "\"24h\"");
        fields.putAll(overrides);
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    private static String body(String name, String field, String json) {
        return validBody(name, Map.of(field, json));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP/1.1 exchange over a plain socket, for what the JDK client refuses to send; the whole answer. */
    private String raw(String requestLine, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(20_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            request.append(headers).append("\r\n");
            if (body != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String raw) {
        assertThat(raw).startsWith("HTTP/1.1 ");
        return Integer.parseInt(raw.substring(9, 12));
    }

    private static void assertRawProblem(String raw, int status) {
        assertThat(statusOf(raw)).as(raw).isEqualTo(status);
        assertThat(raw.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(raw).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(OPERATOR);
    }

    private static void assertClientError(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isIn(400, 404);
        assertProblem(response, response.statusCode());
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("at io.").doesNotContain("Exception")
                .doesNotContain("PRIVATE KEY").doesNotContain(OPERATOR).doesNotContain(READER).doesNotContain(P12_PASSWORD)
                .doesNotContain("\"request_id\":null").doesNotContain("\"data\":{");
        return problem;
    }


}

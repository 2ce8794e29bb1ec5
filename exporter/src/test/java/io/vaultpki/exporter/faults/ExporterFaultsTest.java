package io.vaultpki.exporter.faults;

import io.vaultpki.testkit.Await;
import io.vaultpki.testkit.EmulatedAppRole;
import io.vaultpki.exporter.DirectorySnapshot;
import io.vaultpki.testkit.CapturedLog;
import io.vaultpki.testkit.VaultSwitch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.StandbyMode;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.exporter.api.ApiTestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The running exporter (scheduler, API, metrics, AppRole login) against the emulator behind a switchable TCP
 * forwarder, under every fault of issue 6. Three configuration exports keep it talking to Vault: {@code ca} (the
 * root issuer of {@code pki}, re-read every 200 ms), {@code partner} (a stored certificate of {@code pki_int},
 * re-read every 200 ms) and {@code web} (issued by {@code pki_int}, renewed through the API during a fault). While
 * Vault misbehaves the API and the probes keep answering, every export's files stay byte-identical, the failure is
 * counted per export, and once Vault is back the exports recover by themselves (the failed renewal is retried and
 * switches in a new certificate). No log line ever holds a token or the secret ID.
 *
 * <p>Not repeated here (see them): a sealed Vault at renewal with the renewal backoff ({@code ExportLifecycleTest}),
 * 502/503/504 for creates that nothing is written for ({@code ApiOverLiveExportsTest}), the issuers API under
 * faults ({@code IssuersApiTest}), crash recovery of the export directory ({@code ExportRecoveryTest}).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExporterFaultsTest implements TestPropertyProvider {

    private static final String OPERATOR = "fault-operator-token-0123456789abcdef";
    private static final String POLICY = "exporter";
    private static final String ROLE_ID = "exporter-role";
    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final int FOREVER = 1_000_000;
    private static final List<String> EXPORTS = List.of("ca", "partner", "web");
    private static final Set<String> ALL = Set.copyOf(EXPORTS);
    private static final Set<String> ON_PKI_INT = Set.of("partner", "web");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmulatedAppRole approle;
    private VaultEmulator emu;
    private VaultSwitch vault;
    private CapturedLog log;
    private PkiMount rootMount;
    private Issuer root;
    private String partnerSerial;
    private Path exports;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        log = new CapturedLog();
        emu = VaultEmulator.builder().start();
        rootMount = emu.pki().enable("pki");
        root = rootMount.generateRoot(IssuerSpec.named("root").commonName("Fault Root CA").key(KeyAlgorithm.EC_P256));
        PkiMount intermediate = emu.pki().enable("pki_int");
        Issuer signing = intermediate.generateIntermediate(IssuerSpec.named("int").commonName("Fault Intermediate CA")
                .key(KeyAlgorithm.EC_P256), root);
        intermediate.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true)
                .key(KeyAlgorithm.EC_P256).ttl(Duration.ofHours(72)).maxTtl(Duration.ofDays(14)));
        partnerSerial = intermediate.issueLeaf(LeafSpec.commonName("partner.example.com").issuer(signing))
                .serialNumber();
        emu.policies().put(POLICY, Policy.builder().path("pki/*", "read", "list")
                .path("pki_int/*", "read", "list", "create", "update").build());
        approle = new EmulatedAppRole(emu, "exporter", ROLE_ID, POLICY, TOKEN_TTL);
        vault = new VaultSwitch(emu.url()); // down: Vault is unreachable when the exporter starts
        exports = Path.of("target", "fault-exports-" + UUID.randomUUID()).toAbsolutePath();

        Map<String, String> p = new HashMap<>();
        p.put("vault.address", vault.url().toString());
        p.put("vault.auth.method", "approle");
        p.put("vault.auth.mount", "approle");
        p.put("vault.auth.role-id", ROLE_ID);
        p.put("vault.auth.secret-id", approle.secretId());
        p.put("vault.max-retries", "0");
        p.put("vault.read-timeout", "500ms");
        p.put("exporter.path", exports.toString());
        p.put("exporter.refresh-interval", "200ms");
        p.put("exporter.scheduler-tick", "50ms");
        p.put("exporter.renewal.retry-initial", "1s"); // a failed attempt is retried after 1 s (the policy's floor)
        p.put("exporter.renewal.retry-max", "1s");
        p.put("exporter.renewal.min-issuance-interval", "1ms"); // the API may renew right after an issuance
        p.put("exporter.exports.ca.source", "issuer");
        p.put("exporter.exports.ca.mount", "pki");
        p.put("exporter.exports.pinned.source", "issuer");
        p.put("exporter.exports.pinned.mount", "pki");
        p.put("exporter.exports.pinned.issuer-ref", root.id());
        p.put("exporter.exports.partner.source", "certificate");
        p.put("exporter.exports.partner.mount", "pki_int");
        p.put("exporter.exports.partner.serial", partnerSerial);
        p.put("exporter.exports.web.source", "issue");
        p.put("exporter.exports.web.mount", "pki_int");
        p.put("exporter.exports.web.role", "web");
        p.put("exporter.exports.web.common-name", "web.example.com");
        p.put("exporter.exports.web.ttl", "72h");
        p.put("exporter.api.tokens[0].name", "operator");
        p.put("exporter.api.tokens[0].sha256", ApiTestTokens.sha256(OPERATOR));
        p.put("exporter.api.tokens[0].scopes", "read,write,keys");
        p.put("micronaut.server.port", "-1");
        return p;
    }


    @AfterAll
    void stop() {
        vault.close();
        emu.close();
        log.close();
    }

    // ---- the faults ----

    /**
     * One way for Vault to misbehave, the exports it breaks, what {@code vault_pki_exporter_vault_up} must say
     * (null: not asserted, because exports on healthy paths keep flipping it back) and the status an API renewal of
     * {@code web} answers (0 when {@code web} is not affected).
     */
    record Fault(String name, Runnable inject, Runnable end, Set<String> failing, Boolean vaultUp, int renewStatus) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> faults() {
        var f = emu.faults();
        Runnable clear = f::clear;
        return Stream.of(
                new Fault("Vault unreachable later", vault::down, vault::up, ALL, false, 503),
                new Fault("sealed", f::seal, f::unseal, ALL, false, 503),
                new Fault("standby without an active node", () -> f.standby(StandbyMode.NO_ACTIVE), f::active, ALL,
                        false, 503),
                new Fault("500 on every request", () -> f.errorRate("", 1.0, 500), clear, ALL, true, 502),
                new Fault("429 on every request", () -> f.rateLimit("", FOREVER), clear, ALL, true, 503),
                new Fault("every response slower than the read timeout", () -> f.latency(Duration.ofSeconds(1)), clear,
                        ALL, false, 504),
                new Fault("every connection dropped", () -> f.dropConnections("", FOREVER), clear, ALL, false, 503),
                new Fault("malformed JSON everywhere", () -> f.malformedJson("", FOREVER), clear, ALL, true, 502),
                new Fault("403 on one mount only", () -> f.failNext("^pki_int/", FOREVER, 403, "permission denied"),
                        clear, ON_PKI_INT, null, 502),
                new Fault("429 burst on one mount", () -> f.rateLimit("^pki_int/", FOREVER), clear, ON_PKI_INT, null,
                        503),
                new Fault("500 burst on one mount", () -> f.failNext("^pki_int/", FOREVER, 500, "internal error"),
                        clear, ON_PKI_INT, null, 502),
                new Fault("one mount slower than the read timeout", () -> f.latency("^pki_int/", Duration.ofSeconds(1)),
                        clear, ON_PKI_INT, null, 504),
                new Fault("connections to one mount dropped", () -> f.dropConnections("^pki_int/", FOREVER), clear,
                        ON_PKI_INT, null, 503),
                new Fault("malformed JSON from one mount", () -> f.malformedJson("^pki_int/", FOREVER), clear,
                        ON_PKI_INT, null, 502),
                new Fault("a certificate that does not parse", this::unparsablePartner, clear, Set.of("partner"), true,
                        0)
        ).map(Arguments::of);
    }

    /** Vault's real answer for the partner certificate, with a PEM whose base64 is not a certificate. */
    private void unparsablePartner() {
        String path = "pki_int/cert/" + partnerSerial;
        ObjectNode answer = (ObjectNode) vaultGet(path);
        ((ObjectNode) answer.get("data")).put("certificate",
                "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        emu.faults().replaceBody("^" + path + "$", answer.toString());
    }

    // ---- tests ----

    @Test
    @Order(1)
    void vaultUnreachableAtStartLeavesNoFilesKeepsTheApiAnsweringAndTheExportsAreWrittenOnceVaultListens() {
        Await.until("every export failed once", AWAIT, () -> EXPORTS.stream().allMatch(n -> export(n).path("consecutive_failures").asInt() >= 1));

        for (String name : EXPORTS) {
            JsonNode export = export(name);
            assertThat(export.path("last_outcome").asText()).isEqualTo("failure");
            assertThat(export.path("last_error").asText()).contains("Cannot reach Vault");
            assertThat(exports.resolve(name).resolve("cert.pem")).doesNotExist();
        }
        String metrics = metrics();
        assertThat(sample(metrics, "vault_pki_exporter_vault_up", null)).contains(0.0);
        assertThat(sample(metrics, "vault_pki_exporter_consecutive_failures", "web")).hasValueSatisfying(
                v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(code("/health/liveness")).isEqualTo(200);
        assertThat(code("/health/readiness")).as("no valid files and no Vault").isEqualTo(503);

        vault.up();
        awaitHealthy();
        for (String name : EXPORTS) {
            assertThat(exports.resolve(name).resolve("cert.pem")).isRegularFile();
        }
        assertThat(sample(metrics(), "vault_pki_exporter_vault_up", null)).contains(1.0);
        assertThat(code("/health/readiness")).isEqualTo(200);
        assertNoSecretLogged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void underAFaultTheExporterAnswersLeavesTheFilesByteIdenticalCountsTheFailureAndRecoversByItself(Fault fault) {
        vault.up();
        awaitHealthy();
        Map<String, Map<String, String>> before = trees();
        String metricsBefore = metrics();
        String webSerial = export("web").path("serial").asText();

        fault.inject().run();
        try {
            if (fault.renewStatus() != 0) {
                HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http
                        .toBlocking().exchange(HttpRequest.POST("/api/v1/certificates/web/renew", "").bearerAuth(OPERATOR),
                                String.class));
                assertThat(refused.code()).isEqualTo(fault.renewStatus());
                String problem = refused.getResponse().getBody(String.class).orElse("");
                assertThat(refused.getResponse().getContentType().map(Object::toString)).contains("application/problem+json");
                assertThat(problem).doesNotContain("Exception", "\tat ", approle.secretId());
                assertThat(CapturedLog.TOKEN.matcher(problem).find()).isFalse();
            }
            Await.until(fault + " on every affected export", AWAIT, () -> fault.failing().stream()
                    .allMatch(n -> export(n).path("consecutive_failures").asInt() >= 1));

            assertThat(trees()).as("every export's files, byte for byte").isEqualTo(before);
            JsonNode list = list();
            String metrics = metrics();
            for (String name : EXPORTS) {
                JsonNode export = find(list, name);
                if (fault.failing().contains(name)) {
                    assertThat(export.path("last_outcome").asText()).as(name).isEqualTo("failure");
                    assertThat(export.path("last_error").asText()).as(name).isNotBlank().doesNotContain(approle.secretId());
                    assertThat(sample(metrics, "vault_pki_exporter_consecutive_failures", name)).as(name)
                            .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
                    assertThat(failures(metrics, name)).as(name).isGreaterThan(failures(metricsBefore, name));
                } else {
                    assertThat(export.path("consecutive_failures").asInt()).as(name).isZero();
                    assertThat(sample(metrics, "vault_pki_exporter_consecutive_failures", name)).contains(0.0);
                }
                assertThat(sample(metrics, "vault_pki_exporter_certificate_not_after_timestamp_seconds", name)).as(name)
                        .isEqualTo(sample(metricsBefore, "vault_pki_exporter_certificate_not_after_timestamp_seconds", name));
            }
            if (fault.vaultUp() != null) {
                assertThat(sample(metrics, "vault_pki_exporter_vault_up", null)).contains(fault.vaultUp() ? 1.0 : 0.0);
            }
            assertThat(download("ca", "cert.pem")).isEqualTo(read(exports.resolve("ca/cert.pem")));
            assertThat(code("/health/liveness")).isEqualTo(200);
            assertThat(code("/health/readiness")).as("valid files keep the exporter ready").isEqualTo(200);
        } finally {
            fault.end().run();
        }

        awaitHealthy();
        Map<String, Map<String, String>> after = trees();
        assertThat(after.get("ca")).as("ca re-read, unchanged").isEqualTo(before.get("ca"));
        assertThat(after.get("partner")).as("partner re-read, unchanged").isEqualTo(before.get("partner"));
        if (fault.failing().contains("web")) {
            assertThat(export("web").path("serial").asText()).as("the failed renewal retried by itself")
                    .isNotEqualTo(webSerial);
        } else {
            assertThat(after.get("web")).isEqualTo(before.get("web"));
        }
        assertThat(sample(metrics(), "vault_pki_exporter_vault_up", null)).contains(1.0);
        assertNoSecretLogged();
    }

    /** A token Vault no longer accepts, revoked or expired, is replaced by a new login without a failed export. */
    Stream<Arguments> tokenLosses() {
        return Stream.of(
                Arguments.of("revoked", (Runnable) () -> approle.revokeIssuedTokens()),
                Arguments.of("expired", (Runnable) () -> emu.clock().advance(TOKEN_TTL.plusMinutes(1))));
    }

    @ParameterizedTest(name = "token {0} mid-run")
    @MethodSource("tokenLosses")
    void aTokenVaultNoLongerAcceptsIsReplacedByANewLoginWithoutAFailedExport(String how, Runnable loseToken) {
        vault.up();
        awaitHealthy();
        Map<String, Map<String, String>> before = trees();
        String metricsBefore = metrics();
        long logins = logins();

        loseToken.run();
        Await.until("a new login after the token was " + how, AWAIT, () -> logins() > logins);
        double reads = attempts(metrics(), "ca", "skipped");
        Await.until("a re-read with the new token", AWAIT, () -> attempts(metrics(), "ca", "skipped") > reads);
        awaitHealthy();

        assertThat(trees()).isEqualTo(before);
        String metrics = metrics();
        for (String name : EXPORTS) {
            assertThat(failures(metrics, name)).as(name).isEqualTo(failures(metricsBefore, name));
        }
        assertNoSecretLogged();
    }

    @Test
    void aDeniedRenewalIsFollowedByANewLoginWithoutAFailedExport() {
        vault.up();
        awaitHealthy();
        String metricsBefore = metrics();
        approle.tokenTtl(Duration.ofSeconds(3)); // renewed after 2 s
        emu.faults().failNext("^auth/token/renew-self$", 1, 403, "permission denied");
        try {
            long logins = logins();
            approle.revokeIssuedTokens();
            Await.until("a login with the short-lived token", AWAIT, () -> logins() > logins);
        } finally {
            approle.tokenTtl(TOKEN_TTL); // the login after the denied renewal gets a long-lived token again
        }
        long shortLogins = logins();
        Await.until("the renewal denied", AWAIT, () -> emu.requests().count("POST", "^auth/token/renew-self$") >= 1);
        Await.until("a new login after the denied renewal", AWAIT, () -> logins() > shortLogins);
        awaitHealthy();

        assertThat(emu.requests().all()).filteredOn(r -> r.path().equals("auth/token/renew-self"))
                .first().extracting(r -> r.status()).isEqualTo(403);
        String metrics = metrics();
        for (String name : EXPORTS) {
            assertThat(failures(metrics, name)).as(name).isEqualTo(failures(metricsBefore, name));
        }
        assertNoSecretLogged();
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the pinned export fails from here on
    void anIssuerDeletedAndAnotherAddedRewritesTheDefaultIssuerExportAndKeepsThePinnedOnesFiles() {
        vault.up();
        awaitHealthy();
        Await.until("the pinned export written", AWAIT, () -> Files.isRegularFile(exports.resolve("pinned/cert.pem")));
        Map<String, String> pinned = DirectorySnapshot.of(exports.resolve("pinned"));
        byte[] oldCa = read(exports.resolve("ca/cert.pem"));

        rootMount.deleteIssuer(root.id());
        Issuer added = rootMount.generateRoot(IssuerSpec.named("root-2").commonName("Fault Root CA 2"));
        rootMount.setDefault(added.id());
        Await.until("the ca export switched to the new default issuer", AWAIT,
                () -> !java.util.Arrays.equals(read(exports.resolve("ca/cert.pem")), oldCa));
        Await.until("the pinned export failing", AWAIT, () -> export("pinned").path("consecutive_failures").asInt() >= 1);

        assertThat(new String(read(exports.resolve("ca/cert.pem")))).isEqualTo(added.pem());
        assertThat(export("ca").path("consecutive_failures").asInt()).isZero();
        assertThat(DirectorySnapshot.of(exports.resolve("pinned"))).as("the deleted issuer's files stay").isEqualTo(pinned);
        assertThat(export("pinned").path("last_error").asText()).contains(root.id());
        assertThat(code("/health/readiness")).isEqualTo(200);
        assertNoSecretLogged();
    }

    // ---- helpers ----

    /** ca, partner and web succeeded at their last attempt and have files. */
    private void awaitHealthy() {
        Await.until("every export healthy", AWAIT, () -> {
            JsonNode list = list();
            return EXPORTS.stream().map(n -> find(list, n)).allMatch(e -> e.path("consecutive_failures").asInt() == 0
                    && Set.of("success", "unchanged").contains(e.path("last_outcome").asText())
                    && Files.isRegularFile(exports.resolve(e.path("name").asText()).resolve("cert.pem")));
        });
    }

    private JsonNode list() {
        try {
            return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/certificates").bearerAuth(OPERATOR)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode export(String name) {
        return find(list(), name);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode e : list.path("certificates")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no export " + name + " in " + list);
    }

    private byte[] download(String name, String file) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/certificates/" + name + "/files/" + file)
                .bearerAuth(OPERATOR), byte[].class);
    }

    private String metrics() {
        return http.toBlocking().retrieve("/metrics");
    }

    /** The value of {@code name} with {@code export="..."} (or the unlabelled sample when export is null). */
    private static Optional<Double> sample(String metrics, String name, String export) {
        Pattern line = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (export == null ? !labels.contains("export=") : labels.contains("export=\"" + export + "\"")) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }

    private static double failures(String metrics, String export) {
        return attempts(metrics, export, "failure");
    }

    /** {@code vault_pki_exporter_exports_total} of one export and outcome. */
    private static double attempts(String metrics, String export, String outcome) {
        Matcher m = Pattern.compile("^vault_pki_exporter_exports_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("export=\"" + export + "\"") && m.group(1).contains("outcome=\"" + outcome + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private long logins() {
        return emu.requests().count("POST", "^auth/approle/login$")
                + emu.requests().count("PUT", "^auth/approle/login$");
    }


    private void assertNoSecretLogged() {
        List<String> secrets = new ArrayList<>(approle.secrets());
        secrets.add(OPERATOR);
        log.assertNoSecret(secrets);
    }

    private Map<String, Map<String, String>> trees() {
        Map<String, Map<String, String>> trees = new TreeMap<>();
        for (String name : EXPORTS) {
            trees.put(name, DirectorySnapshot.of(exports.resolve(name)));
        }
        return trees;
    }


    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int code(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private JsonNode vaultGet(String path) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(emu.url().resolve("/v1/" + path)).header("X-Vault-Token", emu.rootToken()).build(),
                    BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}

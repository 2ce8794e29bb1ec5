package io.vaultpki.monitor.faults;

import io.vaultpki.testkit.Await;
import io.vaultpki.testkit.EmulatedAppRole;
import io.vaultpki.testkit.CapturedLog;
import io.vaultpki.testkit.VaultSwitch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.monitor.metrics.Scrape;
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
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The running monitor (HTTP, background refresh every 100 ms, AppRole login) against the emulator behind a switchable
 * TCP forwarder, under every fault of issue 6: while Vault misbehaves the monitor keeps answering {@code /metrics},
 * {@code /api/v1/status} and the probes, keeps the last good issuers and marks them stale, counts the failure under
 * the right reason, and recovers by itself once Vault is back. No log line ever holds a token or the secret ID.
 *
 * <p>Not repeated here (see them): the snapshot-level behaviour of a denied mount, a sealed or unreachable Vault and
 * a failing mount listing ({@code PkiRefresherTest}); the reason mapping ({@code FailureClassifierTest} in
 * vault-client); a Vault that seals in the middle of a refresh ({@code SealedMidRefreshTest}); revoked, expired and
 * root tokens ({@code TokenRefusalTest}); {@code PKI_MOUNT_PATH} naming no PKI mount ({@code PkiMountPathTest});
 * scrapes never calling Vault ({@code ScrapeDoesNotCallVaultTest}); readiness grace
 * ({@code VaultReadinessIndicatorTest}).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorFaultsTest implements TestPropertyProvider {

    private static final String POLICY = "monitor";
    private static final String ROLE_ID = "monitor-role";
    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final int FOREVER = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmulatedAppRole approle;
    private VaultEmulator emu;
    private VaultSwitch vault;
    private CapturedLog log;
    private PkiMount faulted;
    private PkiMount churn;
    private Issuer faultedRoot;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        log = new CapturedLog();
        emu = VaultEmulator.builder().start();
        faulted = emu.pki().enable("fa");
        faultedRoot = faulted.generateRoot(IssuerSpec.named("fa-root"));
        faulted.issueLeaves(3, LeafSpec.commonName("fa-%d.example.com").issuer(faultedRoot));
        emu.pki().enable("fb").generateRoot(IssuerSpec.named("fb-root"));
        churn = emu.pki().enable("fc");
        churn.generateRoot(IssuerSpec.named("fc-old"));
        emu.policies().put(POLICY, Policy.builder().path("sys/mounts", "read")
                .path("fa/*", "read", "list").path("fb/*", "read", "list").path("fc/*", "read", "list").build());
        approle = new EmulatedAppRole(emu, "monitor", ROLE_ID, POLICY, TOKEN_TTL);
        vault = new VaultSwitch(emu.url()); // down: Vault is unreachable when the monitor starts
        Map<String, String> p = new HashMap<>();
        p.put("vault.address", vault.url().toString());
        p.put("vault.auth.method", "approle");
        p.put("vault.auth.mount", "approle");
        p.put("vault.auth.role-id", ROLE_ID);
        p.put("vault.auth.secret-id", approle.secretId());
        p.put("vault.max-retries", "0");
        p.put("vault.read-timeout", "500ms");
        p.put("monitor.refresh.interval", "100ms");
        p.put("monitor.refresh.max-requests-per-second", "1000");
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

    /** One way for Vault to misbehave: how to cause it and end it, and what the monitor must report. */
    record Fault(String name, Runnable inject, Runnable end, boolean vaultWide, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> faults() {
        var f = emu.faults();
        Runnable clear = f::clear;
        return Stream.of(
                new Fault("Vault unreachable later", vault::down, vault::up, true, "unreachable"),
                new Fault("sealed", f::seal, f::unseal, true, "sealed"),
                new Fault("standby without an active node", () -> f.standby(StandbyMode.NO_ACTIVE), f::active, true,
                        "standby"),
                new Fault("500 on every request", () -> f.errorRate("", 1.0, 500), clear, true, "server_error"),
                new Fault("429 on every request", () -> f.rateLimit("", FOREVER), clear, true, "rate_limited"),
                new Fault("every response slower than the read timeout", () -> f.latency(Duration.ofSeconds(1)), clear,
                        true, "timeout"),
                new Fault("every connection dropped", () -> f.dropConnections("", FOREVER), clear, true, "unreachable"),
                new Fault("malformed JSON everywhere", () -> f.malformedJson("", FOREVER), clear, true, "parse_error"),
                new Fault("403 on one mount only", () -> f.failNext("^fa/", FOREVER, 403, "permission denied"), clear,
                        false, "permission_denied"),
                new Fault("429 burst on one mount", () -> f.rateLimit("^fa/", FOREVER), clear, false, "rate_limited"),
                new Fault("500 burst on one mount", () -> f.failNext("^fa/", FOREVER, 500, "internal error"), clear,
                        false, "server_error"),
                // a slow mount stays that mount's problem; a request that gets no answer at all means Vault is
                // unreachable, and the refresh stops there, whichever mount it was reading
                new Fault("one mount slower than the read timeout", () -> f.latency("^fa/", Duration.ofSeconds(1)),
                        clear, false, "timeout"),
                new Fault("connections to one mount dropped", () -> f.dropConnections("^fa/", FOREVER), clear, true,
                        "unreachable"),
                new Fault("malformed JSON from one mount", () -> f.malformedJson("^fa/", FOREVER), clear, false,
                        "parse_error")
        ).map(Arguments::of);
    }

    /**
     * Vault's real answer for an issuer, with a certificate PEM whose base64 is not a certificate, for every issuer
     * of the faulted mount but its root: in place before the issuer to break exists, so no refresh reads it whole.
     */
    private void unparsableNewIssuers() {
        ObjectNode answer = (ObjectNode) vaultGet("fa/issuer/" + faultedRoot.id());
        ((ObjectNode) answer.get("data")).put("certificate",
                "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        emu.faults().replaceBody("^fa/issuer/(?!" + faultedRoot.id() + "$)[^/]+$", answer.toString());
    }

    /** Vault's real answer for the issuer's CRL, with a CRL PEM whose content is not a CRL. */
    private String unparsableCrl() {
        String path = "fa/issuer/" + faultedRoot.id() + "/crl";
        ObjectNode answer = (ObjectNode) vaultGet(path);
        ((ObjectNode) answer.get("data")).put("crl",
                "-----BEGIN X509 CRL-----\nTm90IGEgQ1JMIGF0IGFsbA==\n-----END X509 CRL-----\n");
        emu.faults().replaceBody("^" + path + "$", answer.toString());
        return path;
    }

    // ---- tests ----

    @Test
    @Order(1)
    void vaultUnreachableAtStartIsReportedWithoutDataAndTheMonitorRecoversOnceVaultListens() throws Exception {
        Await.until("a failed first refresh", AWAIT, () -> status().path("last_refresh").path("outcome").asText().equals("failed"));

        Scrape scrape = scrape();
        assertThat(scrape.value("vault_pki_monitor_up")).contains(0.0);
        assertThat(scrape.family("vault_issuer_validity_seconds")).isEmpty();
        assertThat(scrape.value("vault_pki_refresh_errors_total", "engine", "", "reason", "unreachable"))
                .hasValueSatisfying(v -> assertThat(v).isPositive());
        JsonNode status = status();
        assertThat(status.path("state").asText()).isEqualTo("error");
        assertThat(status.path("vault").path("reachable").asBoolean()).isFalse();
        assertThat(status.path("engines")).isEmpty();
        assertThat(status.path("last_refresh").path("errors").get(0).path("reason").asText()).isEqualTo("unreachable");
        assertThat(status.path("last_refresh").has("last_success")).isFalse();
        assertThat(code("/health/liveness")).isEqualTo(200);
        assertThat(code("/health/readiness")).isEqualTo(503);
        assertThat(code("/status")).isEqualTo(500);

        vault.up();
        awaitHealthy();
        assertThat(scrape().family("vault_issuer_validity_seconds")).extracting(s -> s.labels().get("engine"))
                .contains("fa/", "fb/", "fc/");
        assertThat(code("/health/readiness")).isEqualTo(200);
        assertThat(code("/status")).isEqualTo(200);
        assertThat(status().path("vault").path("auth_method").asText()).as("the method used, never auto")
                .isEqualTo("approle");
        assertNoSecretLogged();
    }

    @Test
    void anUnparsableIssuerIsLeftOutAndCountedWithItsPathWhileItsEngineStaysUp() throws Exception {
        vault.up();
        awaitHealthy();
        double before = parseErrors();
        // issue 12: an issuer whose LIST issuers entry is unchanged is not read again, so the garbage answer is for
        // an issuer the monitor has to read: a new one
        Instant injected = Instant.now();
        unparsableNewIssuers();
        Issuer added = faulted.generateRoot(IssuerSpec.named("fa-added"));
        String path = "fa/issuer/" + added.id();
        try {
            JsonNode error = awaitObjectError(path, injected);
            Scrape scrape = scrape();
            assertThat(issuerSeries(scrape, "fa/")).as("the garbage issuer's series are left out")
                    .noneMatch(s -> added.id().equals(s.labels().get("issuer")));
            assertThat(scrape.family("vault_pki_issuer_info"))
                    .noneMatch(s -> added.id().equals(s.labels().get("issuer")));
            assertObjectErrorOnly(scrape, error, path, before);
            emu.faults().clear();
            awaitHealthy();
            assertThat(issuerSeries(scrape(), "fa/")).anyMatch(s -> added.id().equals(s.labels().get("issuer")));
        } finally {
            emu.faults().clear();
            faulted.deleteIssuer(added.id());
        }
        awaitHealthy();
    }

    @Test
    void anUnparsableCrlIsLeftOutAndCountedWithItsPathWhileItsIssuerAndEngineStayUp() throws Exception {
        vault.up();
        awaitHealthy();
        double before = parseErrors();
        Instant injected = Instant.now();

        String path = unparsableCrl();
        try {
            JsonNode error = awaitObjectError(path, injected);
            Scrape scrape = scrape();
            assertThat(scrape.family("vault_pki_crl_this_update_timestamp_seconds")).as("the garbage CRL's series")
                    .noneMatch(s -> faultedRoot.id().equals(s.labels().get("issuer")));
            assertThat(issuerSeries(scrape, "fa/")).as("its issuer is still there")
                    .anyMatch(s -> faultedRoot.id().equals(s.labels().get("issuer")));
            assertObjectErrorOnly(scrape, error, path, before);
        } finally {
            emu.faults().clear();
        }
        awaitHealthy();
    }

    /** The first refresh started after {@code injected} that reports a parse error at {@code path}. */
    private JsonNode awaitObjectError(String path, Instant injected) {
        JsonNode[] found = new JsonNode[1];
        Await.until("a parse error at " + path, AWAIT, () -> {
            JsonNode status = status();
            String started = status.path("last_refresh").path("started_at").asText("");
            if (started.isEmpty() || !Instant.parse(started).isAfter(injected)) {
                return false;
            }
            for (JsonNode error : status.path("last_refresh").path("errors")) {
                if (error.path("path").asText().equals(path)) {
                    found[0] = error;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void assertObjectErrorOnly(Scrape scrape, JsonNode error, String path, double parseErrorsBefore) {
        assertThat(error.path("engine").asText()).isEqualTo("fa/");
        assertThat(error.path("reason").asText()).isEqualTo("parse_error");
        assertThat(scrape.value("vault_pki_engine_up", "engine", "fa/")).as("the engine is up").contains(1.0);
        assertThat(scrape.value("vault_pki_monitor_up")).contains(1.0);
        assertThat(scrape.value("vault_pki_refresh_errors_total", "engine", "fa/", "reason", "parse_error"))
                .hasValueSatisfying(v -> assertThat(v).isGreaterThan(parseErrorsBefore));
        JsonNode status = status();
        JsonNode fa = engine(status, "fa/");
        assertThat(fa.path("up").asBoolean()).isTrue();
        assertThat(fa.path("state").asText()).isEqualTo("error");
        assertThat(engine(status, "fb/").path("state").asText()).isNotEqualTo("error");
        assertThat(status.path("state").asText()).isEqualTo("error");
        assertThat(status.path("rule").asText()).contains(path).contains("parse_error");
        assertThat(status.path("last_refresh").path("outcome").asText()).isEqualTo("partial");
        assertThat(code("/status")).as("Vault is reachable").isEqualTo(200);
        assertThat(issuerSeries(scrape, "fb/")).isNotEmpty();
    }

    private double parseErrors() {
        return scrape().value("vault_pki_refresh_errors_total", "engine", "fa/", "reason", "parse_error").orElse(0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void underAFaultTheMonitorAnswersKeepsTheLastGoodDataMarkedStaleCountsTheReasonAndRecoversByItself(Fault fault)
            throws Exception {
        vault.up();
        awaitHealthy();
        Scrape good = scrape();
        List<Scrape.Sample> faIssuers = issuerSeries(good, "fa/");
        String errorEngine = fault.vaultWide() ? "" : "fa/";
        double errorsBefore = good.value("vault_pki_refresh_errors_total", "engine", errorEngine, "reason", fault.reason())
                .orElse(0.0);
        Instant injected = Instant.now();

        fault.inject().run();
        try {
            // a refresh that started before the fault may still end well: wait for one that started after it
            Await.until(fault + " reported", AWAIT, () -> reports(status(), fault, injected));
            JsonNode failing = status();
            Instant failingStarted = Instant.parse(failing.path("last_refresh").path("started_at").asText());

            Scrape scrape = scrape();
            assertThat(issuerSeries(scrape, "fa/")).as("last good issuers of the failing engine")
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("value")
                    .containsExactlyInAnyOrderElementsOf(faIssuers);
            assertThat(scrape.value("vault_pki_issuer_not_after_timestamp_seconds", "engine", "fa/"))
                    .isEqualTo(good.value("vault_pki_issuer_not_after_timestamp_seconds", "engine", "fa/"));
            assertThat(scrape.value("vault_pki_monitor_up")).contains(fault.vaultWide() ? 0.0 : 1.0);
            assertThat(scrape.value("vault_pki_engine_up", "engine", "fa/")).contains(0.0);
            assertThat(scrape.value("vault_pki_engine_up", "engine", "fb/")).contains(fault.vaultWide() ? 0.0 : 1.0);
            assertThat(scrape.value("vault_pki_refresh_errors_total", "engine", errorEngine, "reason", fault.reason()))
                    .hasValueSatisfying(v -> assertThat(v).isGreaterThan(errorsBefore));
            assertThat(scrape.value("vault_pki_engine_last_refresh_success_timestamp_seconds", "engine", "fa/"))
                    .hasValueSatisfying(t -> assertThat(t).isLessThan(seconds(failingStarted)));

            JsonNode status = status();
            JsonNode fa = engine(status, "fa/");
            assertThat(status.path("state").asText()).isEqualTo("error");
            assertThat(fa.path("up").asBoolean()).isFalse();
            assertThat(fa.path("state").asText()).isEqualTo("error");
            assertThat(fa.path("issuers")).extracting(i -> i.path("name").asText()).containsExactly("fa-root");
            assertThat(status.path("vault").path("reachable").asBoolean()).isEqualTo(!fault.vaultWide());
            assertThat(status.path("last_refresh").path("outcome").asText())
                    .isEqualTo(fault.vaultWide() ? "failed" : "partial");
            if (fault.vaultWide()) {
                assertThat(Instant.parse(status.path("last_refresh").path("last_success").asText()))
                        .as("the last success is older than the failing refresh").isBefore(failingStarted);
            } else {
                assertThat(engine(status, "fb/").path("up").asBoolean()).as("the other engines stay up").isTrue();
            }
            assertThat(status.toString()).doesNotContain(approle.secretId());
            assertThat(code("/health/liveness")).isEqualTo(200);
            assertThat(code("/health/readiness")).as("ready within the grace").isEqualTo(200);
            assertThat(code("/status")).isEqualTo(fault.vaultWide() ? 500 : 200);
            if (fault.reason().equals("sealed")) {
                assertThat(scrape.value("vault_pki_vault_sealed")).contains(1.0);
                assertThat(status.path("vault").path("sealed").asBoolean()).isTrue();
            }
            if (fault.name().startsWith("standby")) {
                assertThat(status.path("vault").path("standby").asBoolean()).isTrue();
            }
        } finally {
            fault.end().run();
        }

        awaitHealthy();
        Scrape recovered = scrape();
        assertThat(recovered.value("vault_pki_engine_last_refresh_success_timestamp_seconds", "engine", "fa/"))
                .hasValueSatisfying(t -> assertThat(t).isGreaterThan(seconds(injected)));
        assertThat(issuerSeries(recovered, "fa/")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("value")
                .containsExactlyInAnyOrderElementsOf(faIssuers);
        assertThat(recovered.value("vault_pki_vault_sealed")).contains(0.0);
        assertNoSecretLogged();
    }

    /** A token Vault no longer accepts, revoked or expired, is replaced by a new login within the same refresh. */
    Stream<Arguments> tokenLosses() {
        return Stream.of(
                Arguments.of("revoked", (Runnable) () -> approle.revokeIssuedTokens()),
                Arguments.of("expired", (Runnable) () -> emu.clock().advance(TOKEN_TTL.plusMinutes(1))));
    }

    @ParameterizedTest(name = "token {0} mid-run")
    @MethodSource("tokenLosses")
    void aTokenVaultNoLongerAcceptsIsReplacedByANewLoginWithoutAFailedRefresh(String how, Runnable loseToken)
            throws Exception {
        vault.up();
        awaitHealthy();
        double logins = logins();
        double errors = totalErrors();
        emu.requests().clear();

        loseToken.run();
        Await.until("a new login after the token was " + how, AWAIT, () -> logins() > logins);
        awaitHealthy();

        assertThat(totalErrors()).as("no refresh step failed").isEqualTo(errors);
        assertThat(emu.requests().all()).as("Vault refused the lost token once")
                .anyMatch(r -> r.status() == 403 && r.tokenPresent());
        assertNoSecretLogged();
    }

    @Test
    void aDeniedRenewalIsFollowedByANewLoginAndTheMonitorStaysUp() throws Exception {
        vault.up();
        awaitHealthy();
        double errors = totalErrors();
        approle.tokenTtl(Duration.ofSeconds(3)); // renewed after 2 s
        emu.faults().failNext("^auth/token/renew-self$", 1, 403, "permission denied");
        try {
            double logins = logins();
            approle.revokeIssuedTokens();
            Await.until("a login with the short-lived token", AWAIT, () -> logins() > logins);
        } finally {
            approle.tokenTtl(TOKEN_TTL); // the login after the denied renewal gets a long-lived token again
        }
        double shortLogins = logins();
        Await.until("the renewal denied", AWAIT, () -> emu.requests().count("POST", "^auth/token/renew-self$") >= 1);
        Await.until("a new login after the denied renewal", AWAIT, () -> logins() > shortLogins);
        awaitHealthy();

        assertThat(emu.requests().all()).filteredOn(r -> r.path().equals("auth/token/renew-self"))
                .first().extracting(r -> r.status()).isEqualTo(403);
        assertThat(totalErrors()).as("no refresh step failed").isEqualTo(errors);
        assertThat(scrape().value("vault_pki_monitor_up")).contains(1.0);
        assertNoSecretLogged();
    }

    @Test
    void anIssuerDeletedAndAnotherAddedBetweenRefreshesChangesTheSeriesAndTheStatus() throws Exception {
        vault.up();
        awaitHealthy();
        String old = issuerSeries(scrape(), "fc/").get(0).labels().get("issuer");

        churn.deleteIssuer(old);
        Issuer added = churn.generateRoot(IssuerSpec.named("fc-new"));
        Await.until("the new issuer in /metrics", AWAIT, () -> issuerSeries(scrape(), "fc/").stream()
                .anyMatch(s -> s.labels().get("issuer").equals(added.id())));

        Scrape scrape = scrape();
        assertThat(issuerSeries(scrape, "fc/")).extracting(s -> s.labels().get("issuer")).containsExactly(added.id());
        assertThat(scrape.family("vault_pki_crl_next_update_timestamp_seconds"))
                .noneMatch(s -> old.equals(s.labels().get("issuer")));
        assertThat(scrape.value("vault_pki_engine_up", "engine", "fc/")).contains(1.0);
        assertThat(engine(status(), "fc/").path("issuers")).extracting(i -> i.path("name").asText())
                .containsExactly("fc-new");
        assertNoSecretLogged();
    }

    // ---- helpers ----

    private boolean reports(JsonNode status, Fault fault, Instant after) {
        String started = status.path("last_refresh").path("started_at").asText("");
        if (started.isEmpty() || !Instant.parse(started).isAfter(after)) {
            return false;
        }
        String engine = fault.vaultWide() ? "" : "fa/";
        for (JsonNode error : status.path("last_refresh").path("errors")) {
            if (error.path("engine").asText().equals(engine) && error.path("reason").asText().equals(fault.reason())) {
                return true;
            }
        }
        return false;
    }

    /** Every engine up, Vault reachable, the last refresh a success: the state the faults start from and return to. */
    private void awaitHealthy() {
        Await.until("a fully successful refresh", AWAIT, () -> {
            JsonNode status = status();
            JsonNode engines = status.path("engines");
            boolean allUp = engines.size() == 3;
            for (JsonNode engine : engines) {
                allUp &= engine.path("up").asBoolean();
            }
            return allUp && status.path("vault").path("reachable").asBoolean()
                    && status.path("last_refresh").path("outcome").asText().equals("success");
        });
    }


    private double logins() {
        return scrape().value("vault_pki_vault_requests_total", "operation", "login", "outcome", "success").orElse(0.0);
    }

    private double totalErrors() {
        return scrape().family("vault_pki_refresh_errors_total").stream().mapToDouble(Scrape.Sample::value).sum();
    }

    private void assertNoSecretLogged() {
        log.assertNoSecret(approle.secrets());
    }

    private static List<Scrape.Sample> issuerSeries(Scrape scrape, String engine) {
        return scrape.family("vault_issuer_validity_seconds").stream()
                .filter(s -> engine.equals(s.labels().get("engine"))).toList();
    }

    private static JsonNode engine(JsonNode status, String engine) {
        for (JsonNode e : status.path("engines")) {
            if (e.path("engine").asText().equals(engine)) {
                return e;
            }
        }
        throw new AssertionError("no engine " + engine + " in " + status);
    }

    private Scrape scrape() {
        return Scrape.parse(http.toBlocking().retrieve("/metrics"));
    }

    private JsonNode status() {
        try {
            return JSON.readTree(http.toBlocking().retrieve("/api/v1/status"));
        } catch (IOException e) {
            throw new AssertionError("/api/v1/status is not JSON", e);
        }
    }

    private int code(String path) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET(path), String.class);
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private JsonNode vaultGet(String path) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(emu.url().resolve("/v1/" + path))
                    .header("X-Vault-Token", emu.rootToken()).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

}

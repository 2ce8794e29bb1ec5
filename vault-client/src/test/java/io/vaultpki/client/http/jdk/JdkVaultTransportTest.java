package io.vaultpki.client.http.jdk;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultServerException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultUnavailableException;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.StandbyMode;
import io.vaultpki.emulator.VaultEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdkVaultTransportTest {

    private static final String LOOKUP = "auth/token/lookup-self";

    private VaultEmulator emu;
    private VaultToken root;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().flavor(Flavor.OPENBAO).start();
        root = VaultToken.of(emu.rootToken());
    }

    @AfterAll
    void stop() {
        emu.close();
    }

    @AfterEach
    void reset() {
        emu.faults().clear();
        // the emulator logs a request after answering it: let a sentinel land so no late entry leaks into the next test
        try (var t = transport()) {
            t.execute(VaultRequest.get("sys/seal-status").unauthenticated().withoutNamespace(), null);
        }
        awaitCount("GET", "sys/seal-status", 1);
        emu.requests().clear();
        sleeper.delays.clear();
    }

    /** Waits (with a deadline) until the emulator logged {@code expected} matching requests, then checks none more. */
    private long awaitCount(String method, String regex, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emu.requests().count(method, regex) < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return emu.requests().count(method, regex);
    }

    private JdkVaultTransport transport() {
        return transport(VaultSettings.builder().address(emu.url()).build());
    }

    private JdkVaultTransport transport(VaultSettings settings) {
        return new JdkVaultTransport(settings, sleeper, new Random(1));
    }

    @Test
    void retriesA500AndSucceeds() {
        emu.faults().failNext(LOOKUP, 2, 500, "internal error");
        try (var t = transport()) {
            VaultHttpResponse r = t.execute(VaultRequest.get(LOOKUP), root);

            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(awaitCount("GET", LOOKUP, 3)).isEqualTo(3);
        assertThat(sleeper.delays).hasSize(2);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        emu.faults().failNext(LOOKUP, 10, 502, "upstream");
        try (var t = transport()) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOf(VaultServerException.class)
                    .hasMessageContaining("Status 502").hasMessageContaining(LOOKUP);
        }
        assertThat(awaitCount("GET", LOOKUP, RetrySettings.DEFAULT_MAX_ATTEMPTS)).isEqualTo(RetrySettings.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void doesNotRetryAPkiReferenceError() {
        emu.faults().failNext(LOOKUP, 5, 500, "1 error occurred:\n\t* unable to find PKI issuer for reference: x\n\n");
        try (var t = transport()) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOfSatisfying(VaultServerException.class,
                            e -> assertThat(e.isPkiReferenceError()).isTrue());
        }
        assertThat(awaitCount("GET", LOOKUP, 1)).isEqualTo(1);
    }

    @Test
    void retriesA429HonouringRetryAfter() {
        emu.faults().rateLimit(LOOKUP, 1);
        try (var t = transport()) {
            t.execute(VaultRequest.get(LOOKUP), root);
        }
        assertThat(awaitCount("GET", LOOKUP, 2)).isEqualTo(2);
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retriesWhileSealedThenReportsSealed() {
        emu.faults().seal();
        try (var t = transport()) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOfSatisfying(VaultUnavailableException.class, e -> {
                        assertThat(e.isSealed()).isTrue();
                        assertThat(e.isRetryable()).isTrue();
                    });
        }
        assertThat(awaitCount("GET", LOOKUP, 4)).isEqualTo(4);
    }

    @Test
    void retriesAfterADroppedConnection() {
        emu.faults().dropConnections(LOOKUP, 1);
        try (var t = transport()) {
            assertThat(t.execute(VaultRequest.get(LOOKUP), root).status()).isEqualTo(200);
        }
        assertThat(awaitCount("GET", LOOKUP, 2)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 405, 412})
    void neverRetriesOtherClientErrors(int status) {
        emu.faults().failNext(LOOKUP, 5, status, "nope");
        try (var t = transport()) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOfSatisfying(VaultResponseException.class, e -> assertThat(e.status()).isEqualTo(status));
        }
        assertThat(awaitCount("GET", LOOKUP, 1)).isEqualTo(1);
        assertThat(sleeper.delays).isEmpty();
    }

    @Test
    void mapsStatusesToTypedErrors() {
        try (var t = transport()) {
            emu.faults().failNext(LOOKUP, 1, 403, "1 error occurred:\n\t* permission denied\n\n");
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOf(VaultPermissionDeniedException.class)
                    .hasMessage("Status 403 Forbidden [GET " + LOOKUP + "]: permission denied");
            assertThatThrownBy(() -> t.execute(VaultRequest.list("nomount/x"), root))
                    .isInstanceOfSatisfying(VaultNotFoundException.class, e -> assertThat(e.isMountMissing()).isTrue())
                    .hasMessageContaining("[LIST nomount/x]");
        }
    }

    @Test
    void readTimeoutBecomesVaultTimeoutException() {
        emu.faults().latency(LOOKUP, Duration.ofSeconds(3));
        var settings = VaultSettings.builder().address(emu.url()).readTimeout(Duration.ofMillis(300))
                .retry(RetrySettings.defaults().withMaxAttempts(2)).build();
        try (var t = transport(settings)) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOf(VaultTimeoutException.class)
                    .hasMessageContaining("300 ms");
        }
        assertThat(sleeper.delays).hasSize(1);
    }

    @Test
    void refusedConnectionIsAConnectionError() {
        var settings = VaultSettings.builder().address("http://127.0.0.1:1")
                .retry(RetrySettings.defaults().withMaxAttempts(2)).build();
        try (var t = transport(settings)) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOf(VaultConnectionException.class)
                    .hasMessageContaining("http://127.0.0.1:1");
        }
        assertThat(sleeper.delays).hasSize(1);
    }

    @Test
    void surfacesAStandbyRedirectToAnotherAddress() {
        try (VaultEmulator active = VaultEmulator.builder().start(); var t = transport()) {
            emu.faults().standby(StandbyMode.redirect(active.url()));

            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOfSatisfying(VaultResponseException.class, e -> assertThat(e.status()).isEqualTo(307))
                    .hasMessageContaining("redirect not followed").hasMessageContaining("(another address)");
            assertThat(active.requests().all()).isEmpty();
        }
    }

    @Test
    void followsAStandbyRedirectToTheSameAddress() {
        try (var stub = new StubVaultServer(x -> {
            if (!x.getRequestURI().toString().contains("from=standby")) {
                x.getResponseHeaders().set("Location", "/v1/pki/issuers?list=true&from=standby");
                StubVaultServer.respond(x, 307, "text/html", "");
            } else {
                StubVaultServer.respond(x, 200, "application/json", "{\"data\":{\"keys\":[\"a\"]}}");
            }
        }); var t = transport(VaultSettings.builder().address(stub.url()).build())) {
            VaultHttpResponse r = t.execute(VaultRequest.list("pki/issuers"), root);

            assertThat(r.bodyAsString()).contains("\"a\"");
            assertThat(stub.requestUris).containsExactly("/v1/pki/issuers?list=true", "/v1/pki/issuers?list=true&from=standby");
            assertThat(stub.requestHeaders.get(1).getFirst("X-Vault-Token")).isEqualTo(emu.rootToken());
        }
    }

    @Test
    void alwaysSendsXVaultRequestAndTheTokenOnlyWhenAuthenticated() {
        try (var stub = new StubVaultServer(x -> StubVaultServer.respond(x, 200, "application/json", "{}"));
             var t = transport(VaultSettings.builder().address(stub.url()).build())) {
            t.execute(VaultRequest.get("pki/cert/ca"), root);
            t.execute(VaultRequest.get("sys/health").unauthenticated(), root);

            assertThat(stub.requestHeaders).allSatisfy(h -> assertThat(h.get("X-Vault-Request")).containsExactly("true"));
            assertThat(stub.requestHeaders.get(0).getFirst("X-Vault-Token")).isEqualTo(emu.rootToken());
            assertThat(stub.requestHeaders.get(1).containsKey("X-Vault-Token")).isFalse();
        }
    }

    @Test
    void aNonJsonErrorBodyGivesTheStatusWithoutCrashing() {
        try (var stub = new StubVaultServer(x -> StubVaultServer.respond(x, 418, "text/html", "<html>teapot</html>"));
             var t = transport(VaultSettings.builder().address(stub.url()).build())) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get("pki/cert/ca"), root))
                    .isInstanceOfSatisfying(VaultResponseException.class, e -> {
                        assertThat(e.status()).isEqualTo(418);
                        assertThat(e.errors()).isEmpty();
                    });
        }
    }

    @Test
    void sendsJsonBodies() {
        List<String> bodies = new ArrayList<>();
        try (var stub = new StubVaultServer(x -> {
            bodies.add(new String(x.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            StubVaultServer.respond(x, 204, "application/json", "");
        }); var t = transport(VaultSettings.builder().address(stub.url()).build())) {
            VaultHttpResponse r = t.execute(VaultRequest.post("pki/issue/web", Map.of("common_name", "a.example")), root);

            assertThat(r.status()).isEqualTo(204);
            assertThat(r.isEmpty()).isTrue();
            assertThat(bodies).containsExactly("{\"common_name\":\"a.example\"}");
            assertThat(stub.requestHeaders.get(0).getFirst("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void boundsRequestsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch hold = new CountDownLatch(1);
        try (var stub = new StubVaultServer(x -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                hold.await(150, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            StubVaultServer.respond(x, 200, "application/json", "{}");
        }); var t = transport(VaultSettings.builder().address(stub.url()).maxConcurrency(2).build())) {
            List<CompletableFuture<VaultHttpResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> t.execute(VaultRequest.get("sys/health"), null)));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(maxInFlight.get()).isEqualTo(2);
            assertThat(stub.requestUris).hasSize(8);
        }
    }

    @Test
    void namespaceHeaderIsSentExceptOnNodeEndpoints() {
        var settings = VaultSettings.builder().address(emu.url()).namespace("team-a/").build();
        try (var t = transport(settings)) {
            try {
                t.execute(VaultRequest.get(LOOKUP), root);
            } catch (VaultResponseException ignored) {
                // the root token lives in the root namespace; only the header matters here
            }
            t.execute(VaultRequest.get("sys/health").unauthenticated().withoutNamespace(), null);
        }
        awaitCount("GET", "sys/health", 1);
        assertThat(emu.requests().all()).extracting(e -> e.path() + "|" + e.namespace())
                .containsExactly(LOOKUP + "|team-a/", "sys/health|");
    }

    @Test
    void joinsNestedMountPathsWithoutDoubleSlashes() {
        try (var t = transport()) {
            try {
                t.execute(VaultRequest.list(VaultPaths.join("team/a/pki/", "/issuers")), root);
            } catch (VaultNotFoundException ignored) {
                // no such mount in this emulator; the path sent is what is checked
            }
        }
        assertThat(awaitCount("LIST", "team/a/pki/issuers", 1)).isEqualTo(1);
        assertThat(emu.requests().all()).extracting(e -> e.path()).containsExactly("team/a/pki/issuers");
    }

    // ---- conditional reads and back-pressure (issue 12) ----

    @Test
    void aConditionalRequestSendsIfModifiedSinceAsAnHttpDateAndTakesA304AsAnAnswer() {
        try (var stub = new StubVaultServer(x -> StubVaultServer.respond(x, 304, "text/plain", ""));
             var t = transport(VaultSettings.builder().address(stub.url()).build())) {
            VaultHttpResponse r = t.execute(VaultRequest.get("pki/issuer/default/crl")
                    .ifModifiedSince(java.time.Instant.parse("2025-06-03T10:00:00.900Z")), root);

            assertThat(r.notModified()).isTrue();
            assertThat(r.isEmpty()).isTrue();
            // the server's own Date header (the JDK server, like Go's, always sends one)
            assertThat(r.date()).isPresent();
            // whole seconds, truncated: a change later in the same second still counts as newer
            assertThat(stub.requestHeaders.get(0).getFirst("If-Modified-Since"))
                    .isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
        }
    }

    @Test
    void a304ToAnUnconditionalRequestIsStillAnError() {
        try (var stub = new StubVaultServer(x -> StubVaultServer.respond(x, 304, "text/plain", ""));
             var t = transport(VaultSettings.builder().address(stub.url()).build())) {
            assertThatThrownBy(() -> t.execute(VaultRequest.get("pki/issuer/default/crl"), root))
                    .isInstanceOfSatisfying(VaultResponseException.class, e -> assertThat(e.status()).isEqualTo(304));
            assertThat(stub.requestHeaders.get(0).containsKey("If-Modified-Since")).isFalse();
        }
    }

    @Test
    void aRequestCannotSetTheTokenNamespaceOrAnyOtherHeader() {
        for (String header : List.of("X-Vault-Token", "X-Vault-Namespace", "Host", "Content-Length",
                "if-modified-since", "If-Modified-Since\r\nX-Vault-Token")) {
            assertThatThrownBy(() -> new VaultRequest("GET", "pki/ca", Map.of(), null, true, true,
                    Map.of(header, "x"))).as(header).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyRateLimitedOrUnavailableAnswerIsReportedAsBackPressureWithItsRetryAfter() {
        var events = new io.vaultpki.client.event.RecordingListener();
        emu.faults().rateLimit(LOOKUP, 2);
        try (var t = new JdkVaultTransport(VaultSettings.builder().address(emu.url()).build(), sleeper,
                new Random(1), events)) {
            t.execute(VaultRequest.get(LOOKUP), root);
        }
        assertThat(events.of(io.vaultpki.client.event.VaultClientEvent.BackPressure.class)).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.path()).isEqualTo(LOOKUP);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                });
    }

    @Test
    void aSealedAnswerIsBackPressureWithoutRetryAfterAndOtherErrorsAreNot() {
        var events = new io.vaultpki.client.event.RecordingListener();
        emu.faults().failNext(LOOKUP, 1, 500, "internal error");
        try (var t = new JdkVaultTransport(VaultSettings.builder().address(emu.url()).build(), sleeper,
                new Random(1), events)) {
            t.execute(VaultRequest.get(LOOKUP), root);
            assertThat(events.events()).isEmpty();
            emu.faults().seal();
            assertThatThrownBy(() -> t.execute(VaultRequest.get(LOOKUP), root))
                    .isInstanceOf(VaultUnavailableException.class);
        }
        assertThat(events.of(io.vaultpki.client.event.VaultClientEvent.BackPressure.class))
                .hasSize(RetrySettings.DEFAULT_MAX_ATTEMPTS)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).isEmpty();
                });
    }
}

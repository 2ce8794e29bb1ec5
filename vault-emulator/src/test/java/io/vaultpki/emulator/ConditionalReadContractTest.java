package io.vaultpki.emulator;

import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional CA and CRL reads of the PKI engine (Vault 1.12+), as Vault's {@code sendNotModifiedResponseIfNecessary}
 * and {@code isIfModifiedSinceBeforeLastModified} answer them
 * (https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/util.go): {@code If-Modified-Since} reaches the
 * engine only through the mount's {@code passthrough_request_headers} tune, a 304 needs the last change strictly
 * before the header's time, CRLs share one mount-wide change time, and {@code Last-Modified} reaches the client only
 * through {@code allowed_response_headers} (https://developer.hashicorp.com/vault/api-docs/system/mounts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalReadContractTest {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** Frozen half-way through a second, so that whole-second header times fall exactly where each test needs them. */
    private final MutableClock clock = new MutableClock(java.time.Clock.fixed(Instant.parse("2030-01-01T00:00:00.500Z"),
            ZoneOffset.UTC));
    private VaultEmulator vault;
    private VaultHttp http;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().clock(clock).start();
        http = new VaultHttp(vault.url()).token(vault.rootToken());
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    private PkiMount tunedMount(String path, List<String> allowedResponseHeaders) {
        PkiMount mount = vault.pki().enable(path);
        vault.mounts().tune("", path, List.of("If-Modified-Since"), allowedResponseHeaders);
        return mount;
    }

    private VaultHttp.Reply conditional(String path, Instant since) {
        return http.header("If-Modified-Since", HTTP_DATE.format(since)).get(path);
    }

    @Test
    void withoutThePassthroughTuneTheHeaderNeverReachesTheEngineAndTheCrlIsSent() {
        vault.pki().enable("untuned").generateRoot(IssuerSpec.named("root"));

        VaultHttp.Reply reply = conditional("untuned/issuer/root/crl", clock.instant().plus(Duration.ofDays(1)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("data").path("crl").asText()).startsWith("-----BEGIN X509 CRL-----");
    }

    @Test
    void aCrlUnchangedSinceTheHeadersTimeIs304WithoutBodyOrLastModifiedUnlessAllowed() {
        tunedMount("quiet", List.of()).generateRoot(IssuerSpec.named("root"));
        clock.advance(Duration.ofSeconds(10));

        VaultHttp.Reply reply = conditional("quiet/issuer/root/crl", clock.instant());

        assertThat(reply.status()).isEqualTo(304);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Last-Modified")).isNull();
        assertThat(reply.header("Date")).isNotNull();
    }

    @Test
    void lastModifiedIsSentWhenTheTuneAllowsIt() {
        PkiMount mount = tunedMount("told", List.of("Last-Modified"));
        Instant created = clock.instant();
        mount.generateRoot(IssuerSpec.named("root"));
        clock.advance(Duration.ofSeconds(10));

        VaultHttp.Reply reply = conditional("told/issuer/root/crl", clock.instant());

        assertThat(reply.status()).isEqualTo(304);
        assertThat(reply.header("Last-Modified")).isEqualTo(HTTP_DATE.format(created));
    }

    @Test
    void aChangeAtOrAfterTheHeadersTimeSendsTheCrlForEveryIssuerOfTheMount() {
        PkiMount mount = tunedMount("busy", List.of());
        Issuer root = mount.generateRoot(IssuerSpec.named("root"));
        mount.generateRoot(IssuerSpec.named("other"));
        String serial = mount.issueLeaf(LeafSpec.commonName("x.example").issuer(root)).serialNumber();
        clock.advance(Duration.ofSeconds(10));
        Instant before = clock.instant();
        assertThat(conditional("busy/issuer/other/crl", before).status()).isEqualTo(304);

        mount.revoke(serial);

        // Vault keeps one CRL change time per mount: the other issuer's unchanged CRL is sent too
        assertThat(conditional("busy/issuer/other/crl", before).status()).isEqualTo(200);
        assertThat(conditional("busy/issuer/root/crl/der", before).status()).isEqualTo(200);
        // equal is not before: a change within the header's second is sent
        assertThat(conditional("busy/issuer/root/crl", clock.instant()).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(conditional("busy/issuer/root/crl", clock.instant()).status()).isEqualTo(304);
        assertThat(conditional("busy/cert/crl", clock.instant()).status()).isEqualTo(304);
        assertThat(conditional("busy/crl", clock.instant()).status()).isEqualTo(304);
    }

    @Test
    void theCrlConditionIsDecidedBeforeTheIssuerReferenceIsResolvedAsInVault() {
        tunedMount("early", List.of()).generateRoot(IssuerSpec.named("root"));
        clock.advance(Duration.ofSeconds(10));

        assertThat(conditional("early/issuer/no-such-issuer/crl", clock.instant()).status()).isEqualTo(304);
        assertThat(http.get("early/issuer/no-such-issuer/crl").status()).isEqualTo(500);
    }

    @Test
    void aRawIssuerReadIsConditionalOnThatIssuersOwnChangeOnly() {
        PkiMount mount = tunedMount("ca-reads", List.of());
        mount.generateRoot(IssuerSpec.named("first"));
        clock.advance(Duration.ofSeconds(10));
        Instant since = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        mount.generateRoot(IssuerSpec.named("second"));

        assertThat(conditional("ca-reads/issuer/first/der", since).status()).isEqualTo(304);
        assertThat(conditional("ca-reads/issuer/first/json", since).status()).isEqualTo(304);
        assertThat(conditional("ca-reads/issuer/second/pem", since).status()).isEqualTo(200);
        assertThat(conditional("ca-reads/cert/ca", since).status()).isEqualTo(304);
        assertThat(conditional("ca-reads/ca/pem", since).status()).isEqualTo(304);
        // JSON issuer reads and the chain are never conditional
        assertThat(conditional("ca-reads/issuer/first", since).status()).isEqualTo(200);
        assertThat(conditional("ca-reads/cert/ca_chain", since).status()).isEqualTo(200);
    }

    @Test
    void aMalformedHeaderIsA500AsGosParserFailsAndAHostileOneNeverReachesAnotherHeader() {
        tunedMount("garbled", List.of()).generateRoot(IssuerSpec.named("root"));

        for (String value : List.of("yesterday", "Tue, 3 Jun 2025 10:00:00 GMT", "2025-06-03T10:00:00Z",
                "Tue, 03 Jun 2025 10:00:00 GMT\u0000X-Vault-Token: x")) {
            VaultHttp.Reply reply;
            try {
                reply = http.header("If-Modified-Since", value).get("garbled/issuer/root/crl");
            } catch (IllegalArgumentException rejectedByTheClient) {
                continue; // the JDK client refuses control characters in a header value
            }
            assertThat(reply.status()).as(value).isEqualTo(500);
            assertThat(reply.json().path("errors").get(0).asText())
                    .contains("failed to parse given value for 'If-Modified-Since' header");
        }
    }

    @Test
    void theMountListingShowsTheTunedHeaders() {
        tunedMount("listed", List.of("Last-Modified"));
        vault.pki().enable("plain");

        var mounts = http.get("sys/mounts").json().path("data");

        assertThat(mounts.path("listed/").path("config").path("passthrough_request_headers").get(0).asText())
                .isEqualTo("If-Modified-Since");
        assertThat(mounts.path("listed/").path("config").path("allowed_response_headers").get(0).asText())
                .isEqualTo("Last-Modified");
        assertThat(mounts.path("plain/").path("config").has("passthrough_request_headers")).isFalse();
        assertThat(mounts.path("plain/").path("config").has("allowed_response_headers")).isFalse();
    }

    @Test
    void theRequestLogCountsTheMostRequestsInFlightSinceTheLastClear() throws Exception {
        vault.faults().latency(Duration.ofMillis(200));
        try {
            vault.requests().clear();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                var calls = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < 3; i++) {
                    calls.add(pool.submit(() -> http.get("sys/health")));
                }
                for (var call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(vault.requests().maxConcurrent()).isEqualTo(3);
        } finally {
            vault.faults().clear();
        }
        vault.requests().clear();
        http.get("sys/health");
        assertThat(vault.requests().maxConcurrent()).isEqualTo(1);
    }
}

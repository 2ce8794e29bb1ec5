package io.vaultpki.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link Faults} switches and the {@link RequestLog}; edge cases 36-38. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {

    private VaultEmulator vault;
    private VaultHttp root;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().start();
        root = new VaultHttp(vault.url()).token(vault.rootToken());
    }

    @AfterEach
    void heal() {
        vault.faults().clear();
        vault.requests().clear();
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    @Test
    void latencyDelaysMatchingRequestsOnly() {
        vault.faults().latency("^sys/mounts$", Duration.ofMillis(300));

        long slow = timed(() -> root.get("sys/mounts"));
        long fast = timed(() -> root.get("auth/token/lookup-self"));

        assertThat(slow).isGreaterThanOrEqualTo(300);
        assertThat(fast).isLessThan(300);
    }

    @Test
    void failNextFailsExactlyTheGivenNumberOfRequests() {
        vault.faults().failNext("sys/mounts", 2, 500, "boom");

        var first = root.get("sys/mounts");
        var second = root.get("sys/mounts");
        var third = root.get("sys/mounts");

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.body()).isEqualTo("{\"errors\":[\"boom\"]}\n");
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void rateLimitAnswers429WithRetryAfterEdgeCase38() {
        vault.faults().rateLimit("pki/", 1);

        var limited = root.get("pki/issuers?list=true");
        var after = root.get("pki/issuers?list=true");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.json().get("errors").get(0).asText())
                .isEqualTo("request path \"pki/issuers\": rate limit quota exceeded");
        assertThat(after.status()).isNotEqualTo(429);
    }

    @Test
    void errorRateOfOneFailsEveryMatchingRequestAndZeroNone() {
        vault.faults().errorRate("lookup-self", 1.0, 502).errorRate("sys/mounts", 0.0, 502);

        assertThat(root.get("auth/token/lookup-self").status()).isEqualTo(502);
        assertThat(root.get("sys/mounts").status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionsGetNoHttpResponse() throws IOException {
        vault.faults().dropConnections("sys/mounts", 1);

        // a raw socket, because java.net.http silently retries an idempotent GET once
        try (var socket = new Socket(vault.url().getHost(), vault.url().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /v1/sys/mounts HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).as("end of stream without a status line").isEqualTo(-1);
        }
        assertThat(root.get("sys/mounts").status()).isEqualTo(200);
        assertThat(vault.requests().all()).anyMatch(e -> e.status() == 0 && e.path().equals("sys/mounts"));
    }

    @Test
    void malformedJsonIsA200WithATruncatedBody() {
        vault.faults().malformedJson("sys/mounts", 1);

        var reply = root.get("sys/mounts");

        assertThat(reply.status()).isEqualTo(200);
        assertThatThrownBy(reply::json).isInstanceOf(UncheckedIOException.class);
        assertThat(root.get("sys/mounts").json().has("data")).isTrue();
    }

    @Test
    void replaceBodyKeepsTheStatusUntilCleared() {
        vault.faults().replaceBody("lookup-self", "{\"data\":{\"surprise\":true}}");

        var replaced = root.get("auth/token/lookup-self");
        vault.faults().clear();
        var normal = root.get("auth/token/lookup-self");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo("{\"data\":{\"surprise\":true}}");
        assertThat(normal.json().get("data").has("id")).isTrue();
    }

    @Test
    void forwardingStandbyAnswersNormallyButHealthSays429() {
        vault.faults().standby(StandbyMode.FORWARD);

        assertThat(root.get("sys/mounts").status()).isEqualTo(200);
        assertThat(root.get("sys/health").status()).isEqualTo(429);
    }

    @Test
    void redirectingStandbyAnswers307ToTheActiveNodeWithPathAndQueryEdgeCase37() {
        vault.faults().standby(StandbyMode.redirect(URI.create("https://active.example:8200")));
        var noFollow = new VaultHttp(vault.url(), HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).build()).token(vault.rootToken());

        var reply = noFollow.get("pki/issuers?list=true");

        assertThat(reply.status()).isEqualTo(307);
        assertThat(reply.header("Location")).isEqualTo("https://active.example:8200/v1/pki/issuers?list=true");
    }

    @Test
    void standbyWithoutActiveNodeAnswers503EdgeCase37() {
        vault.faults().standby(StandbyMode.NO_ACTIVE);

        var reply = root.get("sys/mounts");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"no active Vault instance found\"]}\n");
    }

    @Test
    void requestLogRecordsMethodPathNamespaceAndTokenPresenceButNotTheToken() {
        new VaultHttp(vault.url()).get("sys/health");
        root.get("secret/metadata?list=true");
        root.header("X-Vault-Namespace", "ns1/").list("secret/metadata");

        var all = vault.requests().all();

        assertThat(all).hasSize(3);
        assertThat(all.get(0).method()).isEqualTo("GET");
        assertThat(all.get(0).path()).isEqualTo("sys/health");
        assertThat(all.get(0).tokenPresent()).isFalse();
        assertThat(all.get(0).status()).isEqualTo(200);
        assertThat(all.get(1).method()).isEqualTo("LIST");
        assertThat(all.get(1).tokenPresent()).isTrue();
        assertThat(all.get(2).namespace()).isEqualTo("ns1/");
        assertThat(all.toString()).doesNotContain(vault.rootToken());
        assertThat(vault.requests().count("LIST", "secret/metadata")).isEqualTo(2);
    }

    @Test
    void requestLogKeepsOnlyTheMostRecentEntriesUpToItsLimit() {
        try (var small = VaultEmulator.builder().requestLogLimit(3).start()) {
            var http = new VaultHttp(small.url());
            for (int i = 0; i < 5; i++) {
                http.get("sys/health?n=" + i);
            }
            http.get("sys/seal-status");

            assertThat(small.requests().all()).hasSize(3);
            assertThat(small.requests().all().get(2).path()).isEqualTo("sys/seal-status");
        }
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}

package io.vaultpki.monitor.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.client.RetrySettings;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.metrics.Scrape;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 §3: Vault answers for a few seconds, then seals while the monitor's first refresh is in its leaf pass
 * (3 mounts of 150 stored certificates, each read answered after 100 ms: about 6 s of reads at the default 8 in
 * flight; issue 12 replaced the 20 requests per second that used to make this pass slow). With every timeout,
 * retry, limit and interval setting at its default, the refresh must stop at the first sealed answer and publish it:
 * {@code vault_pki_monitor_up} 0 within 15 s of the seal (it took 29 s when every remaining read was tried, and
 * retried, first), and no other mount is asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedMidRefreshTest {

    private static final int MOUNTS = 3;
    private static final int LEAVES_PER_MOUNT = 150;
    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(15);

    private VaultEmulator emu;
    private EmbeddedServer server;
    private HttpClient http;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().start();
        Policy.Builder policy = Policy.builder().path("sys/mounts", "read");
        for (int i = 1; i <= MOUNTS; i++) {
            PkiMount mount = emu.pki().enable("m" + i);
            mount.issueLeaves(LEAVES_PER_MOUNT, LeafSpec.commonName("m" + i + "-%d.example.com")
                    .issuer(mount.generateRoot(IssuerSpec.named("m" + i + "-root"))));
            policy.path("m" + i + "/*", "read", "list");
        }
        emu.policies().put("monitor", policy.build());
        String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));
        emu.faults().latency("^m\\d/cert/.+", Duration.ofMillis(100));
        // defaults everywhere else: interval, rate limit, concurrency, timeouts and retries
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("vault.address", emu.url().toString(),
                "vault.auth.method", "token", "vault.token", token, "micronaut.server.port", -1));
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    @AfterAll
    void stop() {
        http.close();
        server.close();
        emu.close();
    }

    @Test
    void vaultSealedDuringTheLeafPassIsPublishedWithinFifteenSecondsAndNoOtherMountIsAsked() throws IOException {
        Await.until("issuers published by the first refresh", Duration.ofSeconds(30),
                () -> scrape().value("vault_pki_monitor_up").orElse(0.0) == 1.0);
        Await.until("the leaf pass under way", Duration.ofSeconds(30),
                () -> emu.requests().count("GET", "m\\d/cert/.+") >= 20);
        assertThat(emu.requests().count("GET", "m\\d/cert/.+")).as("the leaf pass is far from done")
                .isLessThan(MOUNTS * LEAVES_PER_MOUNT / 2);

        emu.requests().clear();
        emu.faults().seal();
        long sealedAt = System.nanoTime();
        Await.until("vault_pki_monitor_up 0", PUBLISHED_WITHIN,
                () -> scrape().value("vault_pki_monitor_up").orElse(1.0) == 0.0);
        Duration published = Duration.ofNanos(System.nanoTime() - sealedAt);

        assertThat(published).isLessThan(PUBLISHED_WITHIN);
        // what was in flight when Vault sealed, with the client's retries, and nothing after: issue 12 raised the
        // requests in flight from 4 to 8 (the adaptive limit's maximum), so at most 8 reads x 4 attempts
        assertThat(emu.requests().all()).filteredOn(r -> r.path().matches("m\\d/.*"))
                .as("requests to the mounts after the seal")
                .hasSizeLessThanOrEqualTo(RefreshConfiguration.DEFAULT_CONCURRENCY * RetrySettings.DEFAULT_MAX_ATTEMPTS);
        assertThat(emu.requests().all()).as("requests to the mounts after the seal")
                .isNotEmpty();
        Scrape scrape = scrape();
        assertThat(scrape.value("vault_pki_vault_sealed")).contains(1.0);
        assertThat(scrape.value("vault_pki_refresh_errors_total", "engine", "", "reason", "sealed")).isPresent();
        assertThat(scrape.family("vault_pki_engine_up")).hasSize(MOUNTS)
                .allSatisfy(s -> assertThat(s.value()).isZero());
        JsonNode status = new ObjectMapper().readTree(http.toBlocking().retrieve("/api/v1/status"));
        assertThat(status.path("vault").path("sealed").asBoolean()).isTrue();
        assertThat(status.path("last_refresh").path("errors")).singleElement()
                .satisfies(e -> assertThat(e.path("reason").asText()).isEqualTo("sealed"));
    }

    private Scrape scrape() {
        return Scrape.parse(http.toBlocking().retrieve("/metrics"));
    }
}

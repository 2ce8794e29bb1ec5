package io.vaultpki.monitor.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.metrics.Scrape;
import io.vaultpki.testkit.Await;
import io.vaultpki.testkit.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 §2: a token Vault no longer accepts, and a root token the monitor refuses, are {@code permission_denied}
 * (they were counted as {@code server_error}), through the running monitor against the emulator. The monitor logs in
 * with {@code vault.auth.method=auto} and a token, the Python exporter's {@code VAULT_TOKEN} case, so each test also
 * shows that {@code /api/v1/status} names the method {@code auto} chose, not {@code auto}.
 */
class TokenRefusalTest {

    private static final Duration TTL = Duration.ofHours(1);
    private static final Duration AWAIT = Duration.ofSeconds(20);

    private VaultEmulator emu;
    private CapturedLog log;
    private EmbeddedServer server;
    private HttpClient http;

    @BeforeEach
    void startVault() {
        log = new CapturedLog();
        emu = VaultEmulator.builder().start();
        emu.pki().enable("pki").generateRoot(IssuerSpec.named("root"));
        emu.policies().put("monitor", Policy.builder().path("sys/mounts", "read").path("pki/*", "read", "list").build());
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
            server.close();
        }
        emu.close();
        log.close();
    }

    private void startMonitor(String token) {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("vault.address", emu.url().toString(),
                "vault.auth.method", "auto", "vault.token", token, "vault.max-retries", 0,
                "monitor.refresh.interval", "200ms", "micronaut.server.port", -1));
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    @Test
    void aRevokedTokenIsPermissionDenied() {
        String token = emu.tokens().create(TokenSpec.of(TTL, "monitor"));
        startMonitor(token);
        awaitUp(token);

        emu.tokens().revoke(token);

        assertPermissionDenied(token);
    }

    @Test
    void anExpiredTokenIsPermissionDenied() {
        String token = emu.tokens().create(TokenSpec.of(TTL, "monitor"));
        startMonitor(token);
        awaitUp(token);

        emu.clock().advance(TTL.plusMinutes(1));

        assertPermissionDenied(token);
    }

    @Test
    void aRootTokenRefusedByDefaultIsPermissionDenied() {
        // vault.allow-root-token is off by default
        startMonitor(emu.rootToken());

        assertPermissionDenied(emu.rootToken());
    }

    private void awaitUp(String token) {
        Await.until("a first good refresh", AWAIT, () -> scrape().value("vault_pki_monitor_up").orElse(0.0) == 1.0);
        JsonNode status = status();
        assertThat(status.path("vault").path("auth_method").asText()).as("the method auto chose")
                .isEqualTo("token");
        assertThat(status.toString()).doesNotContain(token);
    }

    private void assertPermissionDenied(String token) {
        // the refresh that meets the refusal may see it on an engine's read first; the next one fails as a whole
        Await.until("the refusal reported", AWAIT, () -> {
            JsonNode status = status();
            return !status.path("vault").path("reachable").asBoolean(true)
                    && status.path("last_refresh").path("errors").findValuesAsText("reason").contains("permission_denied");
        });
        Scrape scrape = scrape();
        assertThat(scrape.value("vault_pki_monitor_up")).contains(0.0);
        assertThat(scrape.value("vault_pki_refresh_errors_total", "engine", "", "reason", "permission_denied"))
                .hasValueSatisfying(v -> assertThat(v).isPositive());
        assertThat(scrape.family("vault_pki_refresh_errors_total"))
                .allSatisfy(s -> assertThat(s.labels().get("reason")).isEqualTo("permission_denied"));
        JsonNode status = status();
        assertThat(status.path("state").asText()).isEqualTo("error");
        assertThat(status.path("vault").path("reachable").asBoolean()).isFalse();
        assertThat(status.path("vault").path("auth_method").asText()).isEqualTo("token");
        assertThat(status.path("last_refresh").path("errors").findValuesAsText("reason"))
                .containsOnly("permission_denied");
        assertThat(status.toString()).doesNotContain(token);
        log.assertNoSecret(List.of(token));
    }

    private Scrape scrape() {
        return Scrape.parse(http.toBlocking().retrieve("/metrics"));
    }

    private JsonNode status() {
        try {
            return new ObjectMapper().readTree(http.toBlocking().retrieve("/api/v1/status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

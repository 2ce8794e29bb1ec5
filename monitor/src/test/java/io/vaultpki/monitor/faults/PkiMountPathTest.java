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
import io.vaultpki.monitor.MonitorEnvironmentAliases;
import io.vaultpki.monitor.metrics.Scrape;
import io.vaultpki.testkit.Await;
import io.vaultpki.testkit.CapturedLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 §3: {@code PKI_MOUNT_PATH} naming a mount that does not exist, or one that is not PKI (the emulator's
 * KV v2 engine at {@code secret/}), through the running monitor: a WARN line, a rule in {@code /api/v1/status},
 * {@code vault_pki_engine_up 0} with {@code reason="not_found"}, never a green state with 0 issuers; and the one INFO
 * line after the first refresh counts what was found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiMountPathTest {

    private VaultEmulator emu;
    private String token;

    @BeforeAll
    void startVault() {
        emu = VaultEmulator.builder().start();
        emu.pki().enable("pki").generateRoot(IssuerSpec.named("root"));
        emu.policies().put("monitor", Policy.builder().path("sys/mounts", "read").path("pki/*", "read", "list")
                .path("secret/*", "read", "list").build());
        token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));
    }

    @AfterAll
    void stopVault() {
        emu.close();
    }

    @ParameterizedTest(name = "PKI_MOUNT_PATH={0}")
    @ValueSource(strings = {"nowhere", "secret"})
    void aPkiMountPathThatIsNotAPkiMountIsAWarningARuleAndAnEngineNotUpWithReasonNotFound(String mount)
            throws IOException {
        try (CapturedLog log = new CapturedLog();
             // the process environment cannot be set here: its PKI_MOUNT_PATH goes through the monitor's alias table
             EmbeddedServer server = ApplicationContext.builder().properties(Map.of(
                     "vault.address", emu.url().toString(), "vault.auth.method", "token", "vault.token", token,
                     "monitor.refresh.interval", "200ms", "micronaut.server.port", -1))
                     .propertySources(new MonitorEnvironmentAliases().propertySource(Map.of("PKI_MOUNT_PATH", mount)))
                     .run(EmbeddedServer.class);
             HttpClient http = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            String engine = mount + "/";
            Await.until("the engine in /metrics", Duration.ofSeconds(20), () -> Scrape.parse(
                    http.toBlocking().retrieve("/metrics")).value("vault_pki_engine_up", "engine", engine).isPresent());
            Await.until("a second refresh", Duration.ofSeconds(20), () -> Scrape.parse(http.toBlocking()
                    .retrieve("/metrics")).value("vault_pki_refresh_errors_total", "engine", engine, "reason",
                    "not_found").orElse(0.0) >= 2);

            Scrape scrape = Scrape.parse(http.toBlocking().retrieve("/metrics"));
            assertThat(scrape.value("vault_pki_engine_up", "engine", engine)).contains(0.0);
            assertThat(scrape.family("vault_pki_engine_up")).as("only the named mount is read").hasSize(1);
            assertThat(scrape.value("vault_pki_monitor_up")).as("Vault itself answered").contains(1.0);

            JsonNode status = new ObjectMapper().readTree(http.toBlocking().retrieve("/api/v1/status"));
            assertThat(status.path("state").asText()).isEqualTo("error");
            assertThat(status.path("rule").asText()).contains(engine).contains("PKI_MOUNT_PATH");
            assertThat(status.path("engines")).singleElement().satisfies(e -> {
                assertThat(e.path("engine").asText()).isEqualTo(engine);
                assertThat(e.path("up").asBoolean()).isFalse();
                assertThat(e.path("state").asText()).isEqualTo("error");
            });
            assertThat(status.path("last_refresh").path("errors")).singleElement().satisfies(e -> {
                assertThat(e.path("reason").asText()).isEqualTo("not_found");
                assertThat(e.path("path").asText()).isEqualTo(engine);
            });

            assertThat(log.lines()).filteredOn(l -> l.contains("PKI_MOUNT_PATH names " + engine))
                    .as("one warning while it lasts").hasSize(1);
            assertThat(log.lines()).filteredOn(l -> l.contains("First refresh")).singleElement().satisfies(line ->
                    assertThat(line).contains("0 PKI mounts, 0 issuers, 0 CRLs, 0 leaf certificates; 1 named mount"
                            + " not found"));
        }
    }
}

package io.vaultpki.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.demo.DemoVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (Debian's {@code prometheus} package, installed by {@code .ci/run}) scrapes the monitor, which
 * refreshes from the seeded demo Vault; the series are read back through Prometheus' query API. The alert rules
 * against a real expiry are in {@link PrometheusAlertEndToEndTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusEndToEndTest {

    @TempDir
    static Path dir;

    private DemoVault vault;
    private ApplicationContext monitor;
    private PrometheusServer prometheus;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(PrometheusServer.BINARY), "Debian's prometheus package is not installed");
        vault = DemoVault.start();
        Map<String, Object> settings = new HashMap<>(vault.settings());
        settings.put("micronaut.server.port", -1);
        settings.put("monitor.refresh.interval", "1s");
        monitor = ApplicationContext.builder().properties(settings).start();
        int monitorPort = monitor.getBean(EmbeddedServer.class).start().getPort();
        prometheus = PrometheusServer.start(dir, monitorPort, List.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (vault != null) {
            vault.close();
        }
    }

    @Test
    void prometheusScrapesIssuerValidityWithTheOriginalLabelsAndANegativeValueForTheExpiredIssuer() throws Exception {
        JsonNode result = query("vault_issuer_validity_seconds", r -> r.size() >= 4);
        assertThat(result).allSatisfy(series -> {
            assertThat(series.path("metric").path("url").asText()).isEqualTo(vault.emulator().url().toString());
            assertThat(series.path("metric").path("job").asText()).isEqualTo("vault-pki-monitor");
        });
        assertThat(result).extracting(s -> s.path("metric").path("engine").asText())
                .contains("pki/", "pki_int/", "team/a/pki/");
        JsonNode expired = find(result, vault.description().expiredIssuerId());
        assertThat(expired.path("value").get(1).asDouble()).isNegative();
        JsonNode critical = find(result, vault.description().criticalIssuerId());
        assertThat(critical.path("value").get(1).asDouble()).isBetween(4 * 86400.0, 5 * 86400.0);
    }

    @Test
    void prometheusSeesTheDemosSupersededCertificatesCountedSeparately() throws Exception {
        JsonNode result = query("vault_pki_certificates{engine=\"pki_int/\",state=\"superseded\"}", r -> r.size() == 1);
        assertThat(result.get(0).path("value").get(1).asInt()).isEqualTo(vault.description().supersededCommonNames().size());
    }

    private static JsonNode find(JsonNode result, String issuerId) {
        for (JsonNode series : result) {
            if (series.path("metric").path("issuer").asText().equals(issuerId)) {
                return series;
            }
        }
        throw new AssertionError("no series for issuer " + issuerId + " in " + result);
    }

    private JsonNode query(String promql, Predicate<JsonNode> ready) throws Exception {
        return prometheus.query(promql, ready, Duration.ofSeconds(60));
    }
}

package io.vaultpki.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.demo.DemoVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (Debian's {@code prometheus} package, installed by {@code .ci/run}) scrapes the monitor, which
 * refreshes from the seeded demo Vault; the series are read back through Prometheus' query API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusEndToEndTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private DemoVault vault;
    private ApplicationContext monitor;
    private Process prometheus;
    private URI prometheusUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "Debian's prometheus package is not installed");
        vault = DemoVault.start();
        Map<String, Object> settings = new HashMap<>(vault.settings());
        settings.put("micronaut.server.port", -1);
        settings.put("monitor.refresh.interval", "1s");
        monitor = ApplicationContext.builder().properties(settings).start();
        int monitorPort = monitor.getBean(EmbeddedServer.class).start().getPort();

        int port = freePort();
        prometheusUrl = URI.create("http://127.0.0.1:" + port);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: vault-pki-monitor
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(monitorPort));
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
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

    /** Polls Prometheus' query API until the result satisfies {@code ready}, within a deadline. */
    private JsonNode query(String promql, Predicate<JsonNode> ready) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(prometheusUrl.resolve(
                        "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    last = JSON.readTree(response.body()).path("data").path("result");
                    if (ready.test(last)) {
                        return last;
                    }
                }
            } catch (IOException notUpYet) {
                // Prometheus is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus never returned the expected series for " + promql + "; last: " + last
                + "; log: " + Files.readString(dir.resolve("prometheus.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

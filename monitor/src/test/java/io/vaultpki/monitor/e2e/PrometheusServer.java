package io.vaultpki.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (Debian's {@code prometheus} package, installed by {@code .ci/run}) on a free loopback port,
 * with its configuration, TSDB and log in a test's temporary directory; the calling test is skipped when the binary
 * is absent. Scrape and rule evaluation run every second.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI url;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts Prometheus scraping {@code /metrics} of the monitor on {@code 127.0.0.1:monitorPort} as job
     * {@code vault-pki-monitor} (the job name the alert rules expect), loading {@code ruleFiles}.
     */
    static PrometheusServer start(Path dir, int monitorPort, List<Path> ruleFiles) throws IOException {
        assumeTrue(Files.isExecutable(BINARY), "Debian's prometheus package is not installed");
        StringBuilder rules = new StringBuilder();
        if (!ruleFiles.isEmpty()) {
            rules.append("rule_files:\n");
            for (Path file : ruleFiles) {
                rules.append("  - \"").append(file.toAbsolutePath()).append("\"\n");
            }
        }
        int port = freePort();
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                %sscrape_configs:
                  - job_name: vault-pki-monitor
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(rules, monitorPort));
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
    }

    /** Polls {@code /api/v1/query} until the result vector satisfies {@code ready}, within {@code within}. */
    JsonNode query(String promql, Predicate<JsonNode> ready, Duration within) throws Exception {
        return await("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), ready, within,
                "query " + promql);
    }

    /** Polls {@code /api/v1/rules?type=alert} until its {@code data} satisfies {@code ready}, within {@code within}. */
    JsonNode alertRules(Predicate<JsonNode> ready, Duration within) throws Exception {
        return await("/api/v1/rules?type=alert", ready, within, "alert rules");
    }

    /** Polls {@code /api/v1/alerts} until its {@code data} satisfies {@code ready}, within {@code within}. */
    JsonNode alerts(Predicate<JsonNode> ready, Duration within) throws Exception {
        return await("/api/v1/alerts", ready, within, "alerts");
    }

    private JsonNode await(String path, Predicate<JsonNode> ready, Duration within, String what) throws Exception {
        Instant deadline = Instant.now().plus(within);
        JsonNode last = null;
        do {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode data = JSON.readTree(response.body()).path("data");
                    last = data.has("result") ? data.path("result") : data;
                    if (ready.test(last)) {
                        return last;
                    }
                }
            } catch (IOException notUpYet) {
                // Prometheus is still starting
            }
            if (!process.isAlive()) {
                throw new AssertionError("Prometheus exited with " + process.exitValue() + "; log: " + log());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Prometheus never answered as expected for " + what + " within " + within
                + "; last: " + last + "; log: " + log());
    }

    private String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

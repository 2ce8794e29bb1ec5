package io.vaultpki.monitor.robustness;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The monitor's inputs with bad values: every {@code monitor.*} refresh, threshold, leaf and mount setting stops
 * start-up with a message naming it (and never the token), and the {@code state} query of {@code /api/v1/status}
 * answers 400 without a stack trace or an echo while the monitor keeps answering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorInputRobustnessTest {

    private static final String TOKEN = "hvs.robustness-token-never-echoed";
    private static final Map<String, Object> BASE = Map.of("vault.address", "http://127.0.0.1:1",
            "vault.token", TOKEN, "vault.auth.method", "token", "micronaut.server.port", -1);

    private ApplicationContext running;
    private URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startOneMonitor() {
        Map<String, Object> p = new HashMap<>(BASE);
        p.put("monitor.refresh.enabled", "false");
        running = ApplicationContext.builder().properties(p).start();
        url = URI.create("http://127.0.0.1:" + running.getBean(EmbeddedServer.class).start().getPort());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("monitor.refresh.interval", "-1s"), Arguments.of("monitor.refresh.interval", "0s"),
                Arguments.of("monitor.refresh.interval", "soon"), Arguments.of("monitor.refresh.interval", "99999999999999999999h"),
                Arguments.of("monitor.refresh.initial-delay", "-5s"),
                Arguments.of("monitor.refresh.concurrency", "0"), Arguments.of("monitor.refresh.concurrency", "-4"),
                Arguments.of("monitor.refresh.concurrency", "4294967296"), Arguments.of("monitor.refresh.concurrency", "four"),
                Arguments.of("monitor.refresh.max-requests-per-second", "-1"),
                Arguments.of("monitor.refresh.max-requests-per-second", "NaN"),
                Arguments.of("monitor.refresh.max-requests-per-second", "fast"),
                Arguments.of("monitor.thresholds.warning", "-30d"), Arguments.of("monitor.thresholds.warning", "month"),
                Arguments.of("monitor.thresholds.critical", "0s"), Arguments.of("monitor.thresholds.critical", "60d"),
                Arguments.of("monitor.leaves.max-series", "-1"), Arguments.of("monitor.leaves.max-series", "many"),
                Arguments.of("monitor.leaves.expiring-windows", "-7d"),
                Arguments.of("monitor.leaves.expiring-windows", "0s"),
                Arguments.of("monitor.leaves.expiring-windows", "7d,week"),
                Arguments.of("monitor.health.ready-grace", "-1m"), Arguments.of("monitor.health.ready-grace", "later"),
                Arguments.of("monitor.mounts.include", "re:(unclosed"), Arguments.of("monitor.mounts.exclude", "re:[z-a]"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badSettings")
    void aBadSettingStopsStartUpNamingItWithoutTheToken(String setting, String value) {
        Map<String, Object> p = new HashMap<>(BASE);
        p.put("monitor.refresh.initial-delay", "1h"); // never calls Vault
        p.put(setting, value);

        Throwable failure = catchThrowable(() -> {
            try (ApplicationContext app = ApplicationContext.builder().properties(p).start()) {
                app.getBean(EmbeddedServer.class).start();
            }
        });

        assertThat(failure).as("start-up with %s=%s", setting, value).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        // "monitor.thresholds.warning and .critical must be …" names both thresholds at once
        assertThat(messages.toString()).contains(setting.substring(0, setting.lastIndexOf('.')))
                .contains(setting.substring(setting.lastIndexOf('.'))).doesNotContain(TOKEN);
    }

    @ParameterizedTest(name = "state={0}")
    @ValueSource(strings = {"bad", "OKAY", "critical%00", "%00", "warning%0Aok", "%C3%A9rror", "critical,warning",
            "..%2F..%2Fetc", "-1", "99999999999999999999", "%F0%9F%94%A5"})
    void anUnknownStateQueryIs400WithoutAStackTraceOrAnEcho(String state) throws Exception {
        HttpResponse<String> response = get("/api/v1/status?state=" + state);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body()).contains("state must be one of").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain(TOKEN);
    }

    @org.junit.jupiter.api.Test
    void aHugeStateQueryIsRefusedWithoutBeingEchoed() throws Exception {
        String state = "w".repeat(3000);
        HttpResponse<String> response = get("/api/v1/status?state=" + state);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain(state).doesNotContain("\tat ");
    }

    @AfterEach
    void theMonitorStillAnswers() throws Exception {
        assertThat(get("/api/v1/status").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.vaultpki.monitor.pkihealth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.demo.DemoScenario;
import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo ({@code --demo}): the monitor as started by Micronaut, logged in with the demo's least-privilege
 * AppRole, runs the health checks on its first refresh and shows at least one warning and one critical check, and
 * the demo policy (which lists each mount's tune) leaves no check without permission.
 */
class HealthChecksDemoTest {

    @Test
    void theDemoShowsAWarningAndACriticalCheckOnItsFirstRefresh() {
        try (DemoVault demo = DemoVault.start()) {
            Map<String, Object> settings = new HashMap<>(demo.settings());
            settings.put("micronaut.server.port", -1);
            try (ApplicationContext app = ApplicationContext.builder().properties(settings).start()) {
                SnapshotHolder holder = app.getBean(SnapshotHolder.class);
                Await.until("health checks of every demo mount", Duration.ofSeconds(30), () -> holder.current()
                        .engines().size() == 3 && holder.current().engines().stream()
                        .allMatch(e -> e.health().isPresent()));

                List<CheckResult> team = results(holder.current().engine(DemoScenario.TEAM_MOUNT));
                assertThat(team).filteredOn(r -> r.check().equals("enable_auto_tidy"))
                        .extracting(CheckResult::status).containsExactly(CheckStatus.CRITICAL);
                List<CheckResult> intermediate = results(holder.current().engine(DemoScenario.INTERMEDIATE_MOUNT));
                assertThat(intermediate).filteredOn(r -> r.check().equals("role_allows_localhost"))
                        .extracting(CheckResult::status).containsExactly(CheckStatus.WARNING);
                assertThat(holder.current().engines()).flatExtracting(e -> e.health().orElseThrow().results())
                        .extracting(CheckResult::status).doesNotContain(CheckStatus.INSUFFICIENT_PERMISSIONS);
                assertThat(holder.current().engine(DemoScenario.TEAM_MOUNT).orElseThrow().health().orElseThrow()
                        .tidy()).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo("Error"));
            }
        }
    }

    /**
     * The same demo end to end over HTTP, as a user sees it: the checks that ran show in {@code /metrics} (as 1 in
     * their status series) and in {@code /api/v1/status} (with their message), and make the report critical.
     */
    @Test
    void theDemosCriticalAndWarningChecksShowInMetricsAndInTheStatusApi() {
        try (DemoVault demo = DemoVault.start()) {
            Map<String, Object> settings = new HashMap<>(demo.settings());
            settings.put("micronaut.server.port", -1);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings)) {
                HttpClient http = HttpClient.newHttpClient();
                URI metrics = server.getURI().resolve("/metrics");
                String critical = series("vault_pki_health_check_status", "enable_auto_tidy",
                        DemoScenario.TEAM_MOUNT, "critical");
                String warning = series("vault_pki_health_check_status", "role_allows_localhost",
                        DemoScenario.INTERMEDIATE_MOUNT, "warning");
                Await.until("the demo's health checks in /metrics", Duration.ofSeconds(30),
                        () -> value(get(http, metrics), critical) == 1);
                String body = get(http, metrics);
                assertThat(value(body, critical)).isEqualTo(1);
                assertThat(value(body, warning)).isEqualTo(1);
                assertThat(value(body, "vault_pki_tidy_state{engine=\"" + DemoScenario.TEAM_MOUNT
                        + "\",state=\"error\"}")).isEqualTo(1);

                String status = get(http, server.getURI().resolve("/api/v1/status"));
                assertThat(status).contains("\"health_checks\"", "\"check\":\"enable_auto_tidy\"",
                        "\"check\":\"role_allows_localhost\"");
                assertThat(status).startsWith("{").contains("\"state\":\"critical\"");
            }
        }
    }

    /** A series of a health-check family, labels in the order the exposition writes them (sorted by name). */
    private static String series(String family, String check, String engine, String status) {
        return family + "{check=\"" + check + "\",engine=\"" + engine + "\",status=\"" + status + "\"}";
    }

    /** The sample of one series in a text scrape; NaN when absent. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst()
                .orElse(Double.NaN);
    }

    /** The body of a 200, else empty (the poll tries again). */
    private static String get(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static List<CheckResult> results(Optional<EngineSnapshot> engine) {
        return engine.orElseThrow().health().orElseThrow().results();
    }
}

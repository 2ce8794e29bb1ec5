package io.vaultpki.monitor.metrics;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static io.vaultpki.monitor.metrics.Snapshots.about;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.health;
import static io.vaultpki.monitor.metrics.Snapshots.result;
import static io.vaultpki.monitor.metrics.Snapshots.tidy;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.leaf;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

// no background refresh: the tests put their own snapshots into the holder
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1") // a random port: 8080 may be taken on a shared machine
class MetricsEndpointTest {

    private static final String ISSUER = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SnapshotHolder holder;

    private PkiSnapshot before;

    @BeforeEach
    void putASnapshotInPlace() {
        before = holder.current();
        Instant now = Instant.now();
        // with a health-check run, so that promtool also sees the health and tidy families
        holder.replace(snapshot(engine("pki/", List.of(issuer(ISSUER, "root", now.plus(Duration.ofDays(40)))),
                List.of(), List.of(leaf("01:02", "a.example.com", now.plus(Duration.ofDays(3)))), true)
                .withHealth(health(now, tidy("Finished", now.minusSeconds(600), now.minusSeconds(60), 4, 1,
                                OptionalLong.of(1200), OptionalLong.of(3)),
                        result("pki/", "tidy_last_run", CheckStatus.OK, "tidy-status", "Tidy has run recently."),
                        about("web", "pki/", "role_no_store_false", CheckStatus.WARNING, "roles/web", "stores")))));
    }

    @AfterEach
    void restore() {
        holder.replace(before);
    }

    private HttpResponse<String> get(String path, String accept) {
        HttpRequest<?> request = HttpRequest.GET(path);
        if (accept != null) {
            request = HttpRequest.GET(path).header("Accept", accept);
        }
        return http.toBlocking().exchange(request, String.class);
    }

    @Test
    void metricsIsPrometheusTextWithThePkiFamilies() {
        HttpResponse<String> response = get("/metrics", null);

        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type.toString())
                .startsWith("text/plain").contains("version=0.0.4"));
        Scrape scrape = Scrape.parse(response.body());
        assertThat(scrape.value("vault_issuer_validity_seconds", "engine", "pki/", "issuer", ISSUER,
                "url", Snapshots.ADDRESS).orElseThrow()).isBetween(39 * 86_400.0, 40 * 86_400.0);
        assertThat(scrape.types()).containsEntry("vault_pki_issuer_info", "gauge");
    }

    @Test
    void anAcceptOfOnlyOpenMetricsGetsOpenMetrics() {
        HttpResponse<String> response = get("/metrics", "application/openmetrics-text");

        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type.toString())
                .startsWith("application/openmetrics-text"));
        assertThat(response.body()).endsWith("# EOF\n").contains("# TYPE vault_pki_issuer info");
    }

    @Test
    void prometheusOwnAcceptHeaderGetsOpenMetrics() {
        HttpResponse<String> response = get("/metrics", PROMETHEUS_ACCEPT);

        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type.toString())
                .startsWith("application/openmetrics-text"));
    }

    @Test
    void prometheusIsAnAliasOfMetrics() {
        HttpResponse<String> response = get("/prometheus", "text/plain");

        assertThat(response.body()).contains("vault_issuer_validity_seconds{");
    }

    @Test
    void promtoolAcceptsARealScrape() throws IOException, InterruptedException {
        // promtool parses the Prometheus text format only, so the OpenMetrics variant is not fed to it
        String body = get("/metrics", "text/plain").body();

        assertThat(body).contains("vault_pki_health_check_status{").contains("vault_pki_health_check_results{")
                .contains("vault_pki_health_check_last_run_timestamp_seconds{").contains("vault_pki_tidy_state{")
                .contains("vault_pki_tidy_stored_certificates{");
        Promtool.assertClean(body);
    }
}

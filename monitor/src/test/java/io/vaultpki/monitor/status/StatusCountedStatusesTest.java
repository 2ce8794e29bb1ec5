package io.vaultpki.monitor.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
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

import java.time.Instant;
import java.util.List;

import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.health;
import static io.vaultpki.monitor.metrics.Snapshots.result;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

// the application's HealthCheckConfig, from monitor.health-checks.counted-statuses, grades the status API
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "monitor.health-checks.counted-statuses", value = "critical,insufficient_permissions")
class StatusCountedStatusesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SnapshotHolder holder;

    private PkiSnapshot before;

    @BeforeEach
    void remember() {
        before = holder.current();
    }

    @AfterEach
    void restore() {
        holder.replace(before);
    }

    @Test
    void theConfiguredCountedStatusesDecideTheEnginesState() throws Exception {
        Instant checked = Instant.now();
        holder.replace(snapshot(engine("pki/", List.of()).withHealth(health(checked,
                result("pki/", "role_allows_localhost", CheckStatus.WARNING, "roles/web", "localhost"),
                result("pki/", "tidy_last_run", CheckStatus.INSUFFICIENT_PERMISSIONS, "tidy-status", "403")))));

        JsonNode json = new ObjectMapper().readTree(http.toBlocking().retrieve("/api/v1/status"));

        // warning is not counted here; insufficient_permissions is, and counts as warning
        assertThat(json.get("state").asText()).isEqualTo("warning");
        assertThat(json.get("rule").asText()).startsWith("health check tidy_last_run on pki/ is"
                + " insufficient_permissions");
        JsonNode results = json.get("engines").get(0).get("health_checks").get("results");
        assertThat(results.get(0).get("state").asText()).isEqualTo("ok");
        assertThat(results.get(1).get("state").asText()).isEqualTo("warning");
    }
}

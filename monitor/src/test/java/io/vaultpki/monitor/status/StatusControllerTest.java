package io.vaultpki.monitor.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.vaultpki.monitor.metrics.Snapshots.ADDRESS;
import static io.vaultpki.monitor.metrics.Snapshots.about;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.health;
import static io.vaultpki.monitor.metrics.Snapshots.result;
import static io.vaultpki.monitor.metrics.Snapshots.tidy;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.reachableVault;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

// no background refresh: the tests put their own snapshots into the holder
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1") // a random port: 8080 may be taken on a shared machine
@Property(name = "monitor.thresholds.warning", value = "20d")
@Property(name = "monitor.thresholds.critical", value = "3d")
class StatusControllerTest {

    private static final String ID = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String OTHER = "0b1b2c3d-0000-4000-8000-000000000002";

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

    private JsonNode status(String query) throws Exception {
        String body = http.toBlocking().retrieve("/api/v1/status" + query);
        return new ObjectMapper().readTree(body);
    }

    @Test
    void statusJsonHasTheDocumentedSnakeCaseFields() throws Exception {
        holder.replace(snapshot(reachableVault(Optional.of(Instant.now().plus(Duration.ofHours(2)))),
                engine("pki/", List.of(issuer(ID, "root", Instant.now().plus(Duration.ofDays(10)))))));
        JsonNode json = status("");

        assertThat(fieldNames(json)).containsExactly("state", "rule", "generated_at", "thresholds", "vault",
                "last_refresh", "engines");
        assertThat(json.get("state").asText()).isEqualTo("warning");
        assertThat(json.get("thresholds").get("warning_seconds").asLong()).isEqualTo(Duration.ofDays(20).getSeconds());
        assertThat(json.get("thresholds").get("critical_seconds").asLong()).isEqualTo(Duration.ofDays(3).getSeconds());
        assertThat(fieldNames(json.get("vault"))).containsExactly("address", "reachable", "initialized", "sealed",
                "standby", "version", "auth_method", "token_ttl_seconds");
        assertThat(json.get("vault").get("address").asText()).isEqualTo(ADDRESS);
        assertThat(json.get("vault").get("token_ttl_seconds").asLong()).isBetween(7000L, 7200L);
        assertThat(fieldNames(json.get("last_refresh"))).containsExactly("started_at", "completed_at",
                "duration_seconds", "outcome", "last_success", "errors");
        JsonNode engine = json.get("engines").get(0);
        assertThat(fieldNames(engine)).containsExactly("engine", "up", "state", "last_success", "issuers");
        JsonNode issuer = engine.get("issuers").get(0);
        assertThat(fieldNames(issuer)).containsExactly("id", "name", "subject", "not_after", "seconds_left", "state");
        assertThat(issuer.get("state").asText()).isEqualTo("warning");
        assertThat(json.toString().contains("hvs.")).as("token in the status JSON").isFalse();
    }

    @Test
    void theStateQueryFiltersIssuers() throws Exception {
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID, "soon", Instant.now().plus(Duration.ofDays(1))),
                issuer(OTHER, "later", Instant.now().plus(Duration.ofDays(300)))))));

        JsonNode critical = status("?state=critical");
        JsonNode all = status("");

        assertThat(critical.get("engines").get(0).get("issuers").size()).isEqualTo(1);
        assertThat(critical.get("engines").get(0).get("issuers").get(0).get("id").asText()).isEqualTo(ID);
        assertThat(all.get("engines").get(0).get("issuers").size()).isEqualTo(2);
    }

    @Test
    void healthCheckResultsAreInTheJsonWithTheDocumentedFieldsAndFollowTheStateFilter() throws Exception {
        Instant checked = Instant.now().minusSeconds(60);
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID, "root", Instant.now().plus(Duration.ofDays(300)))))
                .withHealth(health(checked, tidy("Finished", checked.minusSeconds(90), checked.minusSeconds(30), 5, 1,
                                OptionalLong.of(40), OptionalLong.of(2)),
                        result("pki/", "tidy_last_run", CheckStatus.OK, "tidy-status", "Tidy has run recently."),
                        about("web", "pki/", "issuance_at_risk", CheckStatus.WARNING, "roles/web",
                                "Role web may issue for 30d; its issuer has 12 days left.")))));

        JsonNode all = status("");
        JsonNode engine = all.get("engines").get(0);
        assertThat(all.get("state").asText()).isEqualTo("warning");
        assertThat(engine.get("state").asText()).isEqualTo("warning");
        assertThat(fieldNames(engine)).containsExactly("engine", "up", "state", "last_success", "issuers",
                "health_checks");
        JsonNode checks = engine.get("health_checks");
        assertThat(fieldNames(checks)).containsExactly("checked_at", "results", "tidy");
        assertThat(checks.get("checked_at").asText()).isEqualTo(checked.toString());
        assertThat(fieldNames(checks.get("results").get(0)))
                .containsExactly("check", "status", "state", "endpoint", "message");
        JsonNode risk = checks.get("results").get(1);
        assertThat(fieldNames(risk)).containsExactly("check", "status", "state", "endpoint", "message", "object");
        assertThat(risk.get("endpoint").asText()).isEqualTo("pki/roles/web");
        assertThat(risk.get("object").asText()).isEqualTo("web");
        assertThat(fieldNames(checks.get("tidy"))).containsExactly("state", "time_started", "time_finished",
                "cert_store_deleted_count", "revoked_cert_deleted_count", "current_cert_store_count",
                "current_revoked_cert_count");

        JsonNode warning = status("?state=warning").get("engines").get(0);
        assertThat(warning.get("issuers").size()).isZero();
        assertThat(warning.get("health_checks").get("results").size()).isEqualTo(1);
        assertThat(warning.get("health_checks").get("results").get(0).get("check").asText())
                .isEqualTo("issuance_at_risk");
        assertThat(status("?state=critical").get("engines").size()).isZero();
    }

    @Test
    void aHostileMessageObjectOrTidyErrorIsJsonEscapedAndReadBackUnchanged() throws Exception {
        String hostile = "x\"},\"state\":\"ok\",\n<script>\u0000";
        holder.replace(snapshot(engine("pki/", List.of()).withHealth(new io.vaultpki.monitor.pkihealth.EngineHealth(
                Instant.now(), List.of(about(hostile, "pki/", "role_allows_localhost", CheckStatus.WARNING,
                "roles/x", hostile)), Optional.of(new io.vaultpki.monitor.pkihealth.input.TidyStatus(hostile,
                Optional.of(hostile), Optional.empty(), Optional.empty(), 0, 0, OptionalLong.empty(),
                OptionalLong.empty()))))));

        JsonNode json = status("");
        JsonNode engine = json.get("engines").get(0);

        assertThat(json.get("state").asText()).isEqualTo("warning");
        assertThat(engine.get("health_checks").get("results").get(0).get("message").asText()).isEqualTo(hostile);
        assertThat(engine.get("health_checks").get("results").get(0).get("object").asText()).isEqualTo(hostile);
        assertThat(engine.get("health_checks").get("tidy").get("error").asText()).isEqualTo(hostile);
    }

    @Test
    void anUnknownStateFilterIsABadRequest() {
        var error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/api/v1/status?state=bad"));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    @Test
    void legacyStatusIsOkOnceVaultWasReached() {
        holder.replace(snapshot(engine("pki/", List.of())));
        HttpResponse<String> response = http.toBlocking().exchange("/status", String.class);

        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(response.body()).isEqualTo("OK");
    }

    @Test
    void legacyStatusIsNokBeforeTheFirstRefresh() {
        holder.replace(PkiSnapshot.empty(ADDRESS));
        var error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/status", String.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        assertThat(error.getResponse().getBody(String.class)).contains("NOK");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

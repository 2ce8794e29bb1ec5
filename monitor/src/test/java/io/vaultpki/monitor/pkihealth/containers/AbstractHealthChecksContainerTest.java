package io.vaultpki.monitor.pkihealth.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.LeavesConfiguration;
import io.vaultpki.monitor.refresh.PkiRefresher;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import io.vaultpki.monitor.refresh.RefreshMetrics;
import io.vaultpki.monitor.refresh.RequestLimiter;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor's health checks against a real server (issue 13): a mount set up through the HTTP API as an operator
 * would, one role that allows localhost with allowed domains (warning), auto-tidy every 8 days (critical), never
 * tidied (critical); then a token whose policy lacks the tune path gets {@code insufficient_permissions} for the
 * tune checks only. Subclasses start Vault or OpenBao with Testcontainers; skipped without Docker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractHealthChecksContainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ROOT_TOKEN = "health-root-token";
    private static final String NO_TUNE_POLICY = """
            path "sys/mounts" { capabilities = ["read"] }
            path "pki/issuer/+" { capabilities = ["read"] }
            path "pki/certs" { capabilities = ["list"] }
            path "pki/certs/revoked" { capabilities = ["list"] }
            path "pki/config/crl" { capabilities = ["read"] }
            path "pki/roles" { capabilities = ["list"] }
            path "pki/roles/+" { capabilities = ["read"] }
            path "pki/config/auto-tidy" { capabilities = ["read"] }
            path "pki/tidy-status" { capabilities = ["read"] }
            path "pki/config/acme" { capabilities = ["read"] }
            path "pki/config/cluster" { capabilities = ["read"] }
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    protected abstract URI address();

    @BeforeAll
    void prepare() throws Exception {
        post("sys/mounts/pki", Map.of("type", "pki", "config", Map.of("max_lease_ttl", "87600h")));
        post("pki/root/generate/internal", Map.of("common_name", "Health Root", "issuer_name", "root-ca",
                "key_type", "ec", "key_bits", 256, "ttl", "87600h"));
        post("pki/roles/loose", Map.of("allowed_domains", "example.com", "allow_subdomains", true,
                "allow_localhost", true, "max_ttl", "72h", "key_type", "ec", "key_bits", 256));
        post("pki/config/auto-tidy", Map.of("enabled", true, "interval_duration", "192h", "tidy_cert_store", true));
        post("sys/policies/acl/no-tune", Map.of("policy", NO_TUNE_POLICY));
    }

    private Map<String, Set<CheckStatus>> check(String token) {
        VaultSettings settings = VaultSettings.builder().address(address()).allowRootToken(true).build();
        RefreshConfiguration configuration = new RefreshConfiguration(Duration.ofSeconds(60), 4, null, Duration.ZERO);
        TokenAuthentication auth = new TokenAuthentication(VaultToken.of(token));
        try (VaultClient client = VaultClient.create(settings, auth)) {
            PkiRefresher refresher = new PkiRefresher(client, auth, new SnapshotHolder(settings),
                    new MountSelection(new MountsConfiguration(null, List.of("pki/"), List.of(), List.of())),
                    configuration, new LeavesConfiguration(true), new RefreshMetrics(new SimpleMeterRegistry()),
                    new RequestLimiter(configuration), HealthCheckConfig.defaults());
            EngineSnapshot engine = refresher.refresh().engine("pki/").orElseThrow();
            assertThat(engine.up()).as("engine up: %s", engine.errors()).isTrue();
            return engine.health().orElseThrow().results().stream().collect(Collectors.groupingBy(
                    CheckResult::check, Collectors.mapping(CheckResult::status, Collectors.toSet())));
        }
    }

    @Test
    void theChecksFindTheWarningAndTheCriticalsAnOperatorSetUp() {
        Map<String, Set<CheckStatus>> checks = check(ROOT_TOKEN);

        assertThat(checks.get("role_allows_localhost")).containsExactly(CheckStatus.WARNING);
        assertThat(checks.get("enable_auto_tidy")).containsExactly(CheckStatus.CRITICAL);
        assertThat(checks.get("tidy_last_run")).containsExactly(CheckStatus.CRITICAL);
        assertThat(checks.get("ca_validity_period")).containsExactly(CheckStatus.OK);
        assertThat(checks.get("crl_validity_period")).containsOnly(CheckStatus.OK);
        assertThat(checks.values()).flatExtracting(s -> s).doesNotContain(CheckStatus.INVALID_VERSION,
                CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void aTokenWithoutTheTunePathGetsEveryOtherCheck() throws Exception {
        String token = post("auth/token/create", Map.of("policies", new String[] {"no-tune"}, "ttl", "1h"))
                .path("auth").path("client_token").asText();

        Map<String, Set<CheckStatus>> checks = check(token);

        assertThat(checks.entrySet().stream().filter(e -> e.getValue().contains(CheckStatus.INSUFFICIENT_PERMISSIONS))
                .map(Map.Entry::getKey)).containsExactlyInAnyOrder("audit_visibility", "allow_if_modified_since");
        assertThat(checks.get("enable_auto_tidy")).containsExactly(CheckStatus.CRITICAL);
    }

    private JsonNode post(String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(address().resolve("/v1/" + path))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .header("X-Vault-Token", ROOT_TOKEN).header("X-Vault-Request", "true")
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("fixture step " + path + " failed: " + response.statusCode() + " "
                    + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}

package io.vaultpki.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus evaluates the shipped {@code alerts/vault-pki-alerts.yml} against the monitor while an issuer
 * really expires: the issuer is generated in the emulator with a notAfter a few seconds ahead, so the monitor, its
 * scrape-time {@code vault_issuer_validity_seconds} and Prometheus' {@code time()} all see the same expiry happen.
 * A copy of the rule file whose alerts are renamed {@code Fast…} and whose {@code for} is one second is loaded next
 * to the original, so that {@code firing} is observed too; the original's {@code pending} states are asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusAlertEndToEndTest {

    private static final Path RULES = Path.of("..", "alerts", "vault-pki-alerts.yml");
    /** Long enough for the monitor's refresh, one scrape and two rule evaluations on a busy machine. */
    private static final Duration LIFETIME = Duration.ofSeconds(14);
    private static final Duration AFTER_EXPIRY = Duration.ofSeconds(15);

    @TempDir
    static Path dir;

    private VaultEmulator vault;
    private PkiMount mount;
    private ApplicationContext monitor;
    private PrometheusServer prometheus;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(PrometheusServer.BINARY), "Debian's prometheus package is not installed");
        vault = VaultEmulator.builder().start();
        mount = vault.pki().enable("pki/");
        mount.generateRoot(IssuerSpec.named("long-lived").validFor(Duration.ofDays(3650)));
        vault.policies().put("monitor", Policy.builder().path("sys/mounts", "read").path("pki/*", "read", "list").build());
        Map<String, Object> settings = new HashMap<>();
        settings.put("vault.address", vault.url().toString());
        settings.put("vault.auth.method", "token");
        settings.put("vault.token", vault.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor")));
        settings.put("micronaut.server.port", -1);
        settings.put("monitor.refresh.interval", "1s");
        settings.put("monitor.leaves.enabled", "false");
        monitor = ApplicationContext.builder().properties(settings).start();
        int monitorPort = monitor.getBean(EmbeddedServer.class).start().getPort();

        String original = Files.readString(RULES);
        String fast = original.replaceAll("(?m)^(\\s*)for: \\S+$", "$1for: 1s")
                .replaceAll("(?m)^(\\s*)- alert: ", "$1- alert: Fast")
                .replaceAll("(?m)^(\\s*)- name: ", "$1- name: fast-");
        Path fastRules = Files.writeString(dir.resolve("fast-rules.yml"), fast);
        prometheus = PrometheusServer.start(dir, monitorPort, List.of(RULES.toAbsolutePath().normalize(), fastRules));
        prometheus.query("vault_pki_issuer_not_after_timestamp_seconds{issuer_name=\"long-lived\"}",
                r -> r.size() == 1, Duration.ofSeconds(30));
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
    void everyShippedRuleEvaluatesWithoutErrorAgainstTheMonitorsMetrics() throws Exception {
        JsonNode groups = prometheus.alertRules(data -> rules(data).size() > 0
                && rules(data).stream().allMatch(rule -> !rule.path("lastEvaluation").asText().startsWith("0001")),
                Duration.ofSeconds(20)).path("groups");

        List<JsonNode> originals = rules(groups.isMissingNode() ? null : groups).stream()
                .filter(rule -> !rule.path("name").asText().startsWith("Fast")).toList();
        assertThat(originals).extracting(rule -> rule.path("name").asText())
                .contains("VaultPkiIssuerExpired", "VaultPkiIssuerExpiringCritical", "VaultPkiMonitorDown");
        assertThat(originals).allSatisfy(rule -> assertThat(rule.path("health").asText())
                .as("health of %s: %s", rule.path("name").asText(), rule.path("lastError").asText()).isEqualTo("ok"));
        // the monitor is scraped, so the rule for a missing scrape target stays quiet
        assertThat(rule(originals, "VaultPkiMonitorDown").path("state").asText()).isEqualTo("inactive");
    }

    @Test
    void anIssuerExpiringWhileScrapedTurnsItsValidityNegativeAndMovesItsAlertFromExpiringCriticalToExpired()
            throws Exception {
        Instant now = Instant.now();
        Instant notAfter = now.plus(LIFETIME);
        Issuer issuer = mount.generateRoot(IssuerSpec.named("short-lived")
                .notBefore(now.minus(Duration.ofDays(1))).notAfter(notAfter));
        String id = issuer.id();
        Duration beforeExpiry = Duration.between(Instant.now(), notAfter.minusSeconds(1));

        // before the expiry: a positive validity; expiring-critical pending (5m) and its 1s copy firing; expired quiet
        JsonNode validity = prometheus.query("vault_issuer_validity_seconds{issuer=\"" + id + "\"}",
                r -> r.size() == 1, beforeExpiry);
        assertThat(value(validity)).isPositive().isLessThanOrEqualTo(LIFETIME.toSeconds());
        JsonNode before = prometheus.alertRules(data -> state(data, "VaultPkiIssuerExpiringCritical", id).equals("pending")
                && state(data, "FastVaultPkiIssuerExpiringCritical", id).equals("firing"),
                Duration.between(Instant.now(), notAfter.minusMillis(500)));
        assertThat(Instant.now()).as("observed before the issuer expired").isBefore(notAfter);
        assertThat(ruleState(before, "VaultPkiIssuerExpired")).isEqualTo("inactive");
        assertThat(ruleState(before, "FastVaultPkiIssuerExpired")).isEqualTo("inactive");

        // after the expiry, with no change in Vault: both values negative; expired pending (5m) and its copy firing
        JsonNode negative = prometheus.query("vault_issuer_validity_seconds{issuer=\"" + id + "\"} < 0",
                r -> r.size() == 1, Duration.between(Instant.now(), notAfter.plus(AFTER_EXPIRY)));
        assertThat(value(negative)).isNegative();
        JsonNode remaining = prometheus.query("vault_pki_issuer_not_after_timestamp_seconds{issuer=\"" + id
                + "\"} - time()", r -> r.size() == 1 && value(r) < 0, Duration.ofSeconds(5));
        assertThat(value(remaining)).isNegative();
        JsonNode after = prometheus.alertRules(data -> state(data, "VaultPkiIssuerExpired", id).equals("pending")
                && state(data, "FastVaultPkiIssuerExpired", id).equals("firing")
                && state(data, "FastVaultPkiIssuerExpiringCritical", id).equals("inactive"),
                Duration.between(Instant.now(), notAfter.plus(AFTER_EXPIRY)));
        assertThat(state(after, "VaultPkiIssuerExpiringCritical", id)).isEqualTo("inactive");
        assertThat(ruleState(after, "VaultPkiIssuerExpiringCritical")).isEqualTo("inactive");
        assertThat(ruleState(after, "VaultPkiIssuerExpired")).isEqualTo("pending");
        JsonNode expiredAlert = alert(after, "VaultPkiIssuerExpired", id).orElseThrow();
        assertThat(expiredAlert.path("labels").path("engine").asText()).isEqualTo("pki/");
        assertThat(expiredAlert.path("labels").path("issuer_name").asText()).isEqualTo("short-lived");
        assertThat(expiredAlert.path("labels").path("severity").asText()).isEqualTo("critical");
        // the long-lived issuer on the same mount raises nothing
        assertThat(rule(rules(after), "VaultPkiIssuerExpired").path("alerts")).hasSize(1);
    }

    private static double value(JsonNode result) {
        return result.get(0).path("value").get(1).asDouble();
    }

    private static List<JsonNode> rules(JsonNode data) {
        JsonNode groups = data == null ? null : data.has("groups") ? data.path("groups") : data;
        List<JsonNode> rules = new java.util.ArrayList<>();
        if (groups != null) {
            groups.forEach(group -> group.path("rules").forEach(rules::add));
        }
        return rules;
    }

    private static JsonNode rule(List<JsonNode> rules, String name) {
        return rules.stream().filter(rule -> rule.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + name));
    }

    private static String ruleState(JsonNode data, String name) {
        return rule(rules(data), name).path("state").asText();
    }

    private static Optional<JsonNode> alert(JsonNode data, String name, String issuer) {
        for (JsonNode rule : rules(data)) {
            if (rule.path("name").asText().equals(name)) {
                for (JsonNode alert : rule.path("alerts")) {
                    if (alert.path("labels").path("issuer").asText().equals(issuer)) {
                        return Optional.of(alert);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The state of rule {@code name}'s alert for {@code issuer}: {@code pending}, {@code firing} or {@code inactive}. */
    private static String state(JsonNode data, String name, String issuer) {
        return alert(data, name, issuer).map(a -> a.path("state").asText()).orElse("inactive");
    }
}

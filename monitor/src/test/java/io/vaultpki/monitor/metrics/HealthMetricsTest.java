package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.emulator.MutableClock;
import io.vaultpki.monitor.metrics.exposition.ExpositionFormat;
import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.vaultpki.monitor.metrics.Snapshots.ADDRESS;
import static io.vaultpki.monitor.metrics.Snapshots.REFRESHED;
import static io.vaultpki.monitor.metrics.Snapshots.about;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.health;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.result;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static io.vaultpki.monitor.metrics.Snapshots.tidy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health-check and tidy families in the cached {@code /metrics} body: one status per engine and check (the
 * worst of its results), counts per status, the run's time and the tidy gauges, rendered only when a run publishes
 * different results, with closed label sets only.
 */
class HealthMetricsTest {

    private static final String ID = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final Instant NOW = REFRESHED.plusSeconds(30);
    private static final Instant CHECKED = REFRESHED.minusSeconds(5);
    private static final List<String> STATUSES = Arrays.stream(CheckStatus.values()).map(CheckStatus::label).toList();

    private final MutableClock clock = new MutableClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final AtomicInteger healthRenders = new AtomicInteger();
    private SnapshotHolder holder;
    private ScrapeCache cache;

    @BeforeEach
    void setUp() {
        holder = new SnapshotHolder(VaultSettings.builder().address(ADDRESS).build());
        PkiFamilies families = new PkiFamilies(ExpiryThresholds.of(Duration.ofDays(30), Duration.ofDays(7)),
                new LeafSeriesConfiguration(10_000, false, List.of("7d", "30d")), new BuildInfo("1.2.3", "abc"),
                Duration.ofSeconds(60)) {
            @Override
            public MetricSnapshots health(PkiSnapshot snapshot) {
                healthRenders.incrementAndGet();
                return super.health(snapshot);
            }
        };
        cache = new ScrapeCache(holder, families, format -> format.piece(new byte[0]), clock);
    }

    private String text() {
        return new String(cache.body(ExpositionFormat.PROMETHEUS_TEXT).identity(), StandardCharsets.UTF_8);
    }

    private Scrape scrape() {
        return Scrape.parse(text());
    }

    private static EngineSnapshot pki(EngineHealth health) {
        return engine("pki/", List.of(issuer(ID, "root", NOW.plus(Duration.ofDays(400))))).withHealth(health);
    }

    private static Map<String, Double> statusSeries(Scrape scrape, String family, String engine, String check) {
        return scrape.family(family).stream()
                .filter(s -> engine.equals(s.labels().get("engine")) && check.equals(s.labels().get("check")))
                .collect(Collectors.toMap(s -> s.labels().get("status"), Scrape.Sample::value));
    }

    @Test
    void criticalCheckShowsAsOneInItsStatusSeriesAndZeroInTheOthers() {
        holder.replace(snapshot(pki(health(CHECKED,
                result("pki/", "tidy_last_run", CheckStatus.CRITICAL, "tidy-status", "Tidy hasn't run."),
                result("pki/", "enable_auto_tidy", CheckStatus.OK, "config/auto-tidy", "Auto-tidy is on.")))));
        Scrape scrape = scrape();

        Map<String, Double> tidy = statusSeries(scrape, "vault_pki_health_check_status", "pki/", "tidy_last_run");
        assertThat(tidy.keySet()).containsExactlyInAnyOrderElementsOf(STATUSES);
        assertThat(tidy).containsEntry("critical", 1.0);
        assertThat(tidy.entrySet()).filteredOn(e -> !e.getKey().equals("critical")).allMatch(e -> e.getValue() == 0);
        assertThat(statusSeries(scrape, "vault_pki_health_check_status", "pki/", "enable_auto_tidy"))
                .containsEntry("ok", 1.0).containsEntry("critical", 0.0).hasSize(7);
        assertThat(scrape.types()).containsEntry("vault_pki_health_check_status", "gauge");
    }

    @Test
    void perObjectResultsAggregateToTheWorstStatusAndAreCountedPerStatus() {
        holder.replace(snapshot(pki(health(CHECKED,
                about("web", "pki/", "role_no_store_false", CheckStatus.WARNING, "roles/web", "stores"),
                about("api", "pki/", "role_no_store_false", CheckStatus.WARNING, "roles/api", "stores"),
                about("secret", "pki/", "role_no_store_false", CheckStatus.INSUFFICIENT_PERMISSIONS,
                        "roles/secret", "403"),
                about("old", "pki/", "role_no_store_false", CheckStatus.OK, "roles/old", "fine"),
                about(ID, "pki/", "ca_validity_period", CheckStatus.INFORMATIONAL, "issuer/" + ID, "2y"),
                about("x", "pki/", "ca_validity_period", CheckStatus.NOT_APPLICABLE, "issuer/x", "n/a"),
                about("y", "pki/", "ca_validity_period", CheckStatus.INVALID_VERSION, "issuer/y", "404")))));
        Scrape scrape = scrape();

        assertThat(statusSeries(scrape, "vault_pki_health_check_status", "pki/", "role_no_store_false"))
                .containsEntry("warning", 1.0).containsEntry("insufficient_permissions", 0.0)
                .containsEntry("ok", 0.0);
        assertThat(statusSeries(scrape, "vault_pki_health_check_results", "pki/", "role_no_store_false"))
                .as("only the statuses that have results: no series of zeros")
                .containsExactlyInAnyOrderEntriesOf(Map.of("warning", 2.0, "insufficient_permissions", 1.0,
                        "ok", 1.0));
        // invalid_version is worse than informational and not_applicable: the check could not fully run
        assertThat(statusSeries(scrape, "vault_pki_health_check_status", "pki/", "ca_validity_period"))
                .containsEntry("invalid_version", 1.0).containsEntry("informational", 0.0);
    }

    @Test
    void theWorstOrderIsCriticalWarningPermissionsVersionInformationalNotApplicableOk() {
        assertThat(HealthFamilies.BEST_TO_WORST).containsExactly(CheckStatus.OK, CheckStatus.NOT_APPLICABLE,
                CheckStatus.INFORMATIONAL, CheckStatus.INVALID_VERSION, CheckStatus.INSUFFICIENT_PERMISSIONS,
                CheckStatus.WARNING, CheckStatus.CRITICAL);
        assertThat(HealthFamilies.worst(Map.of(CheckStatus.CRITICAL, 1, CheckStatus.WARNING, 5)))
                .isEqualTo(CheckStatus.CRITICAL);
        assertThat(HealthFamilies.worst(Map.of(CheckStatus.OK, 3, CheckStatus.NOT_APPLICABLE, 1)))
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void aCheckThatDidNotRunAndAnEngineWithoutARunHaveNoHealthSeries() {
        holder.replace(snapshot(pki(health(CHECKED,
                        result("pki/", "tidy_last_run", CheckStatus.OK, "tidy-status", "Tidy has run recently."))),
                engine("other/", List.of())));
        Scrape scrape = scrape();

        assertThat(scrape.family("vault_pki_health_check_status")).allSatisfy(s -> {
            assertThat(s.labels()).containsEntry("engine", "pki/").containsEntry("check", "tidy_last_run");
        }).hasSize(7);
        assertThat(scrape.family("vault_pki_health_check_last_run_timestamp_seconds"))
                .extracting(s -> s.labels().get("engine")).containsExactly("pki/");
        assertThat(scrape.family("vault_pki_tidy_state")).isEmpty();

        holder.replace(snapshot(engine("pki/", List.of())));
        assertThat(text()).doesNotContain("vault_pki_health_check").doesNotContain("vault_pki_tidy");
    }

    @Test
    void everyHealthAndTidyHelpSaysItComesFromTheLastHealthCheckRun() {
        holder.replace(snapshot(pki(health(CHECKED, tidy("Finished", CHECKED, CHECKED, 1, 1, OptionalLong.of(1),
                OptionalLong.of(1)), result("pki/", "tidy_last_run", CheckStatus.OK, "tidy-status", "ok")))));

        assertThat(text().lines().filter(l -> l.startsWith("# HELP vault_pki_health_check_")
                || l.startsWith("# HELP vault_pki_tidy_")))
                .hasSize(10)
                .allSatisfy(help -> assertThat(help).endsWith(" From the engine's last health-check run (every"
                        + " monitor.health-checks.every-refreshes refreshes); a scrape never calls Vault."));
    }

    @Test
    void theLastRunTimestampIsWhenTheRunReadVault() {
        holder.replace(snapshot(pki(health(CHECKED.plusMillis(500),
                result("pki/", "too_many_certs", CheckStatus.OK, "certs", "12 certificates.")))));

        assertThat(scrape().value("vault_pki_health_check_last_run_timestamp_seconds", "engine", "pki/"))
                .contains(CHECKED.getEpochSecond() + 0.5);
    }

    @Test
    void healthFamiliesAreRenderedOnlyWhenResultsChange() {
        EngineHealth run = health(CHECKED, result("pki/", "tidy_last_run", CheckStatus.WARNING, "tidy-status",
                "Tidy hasn't run in the last 2d."));
        holder.replace(snapshot(pki(run)));
        scrape();
        clock.advance(Duration.ofSeconds(5));
        scrape();
        // the next refreshes carry the same run in new snapshots (equal values, new objects)
        for (int refresh = 1; refresh <= 3; refresh++) {
            Instant at = REFRESHED.plusSeconds(60L * refresh);
            EngineHealth same = health(CHECKED, result("pki/", "tidy_last_run", CheckStatus.WARNING, "tidy-status",
                    "Tidy hasn't run in the last 2d."));
            holder.replace(new PkiSnapshot(at, at, Snapshots.reachableVault(Optional.empty()), List.of(pki(same)),
                    Optional.of(at)));
            scrape();
        }
        assertThat(healthRenders).hasValue(1);

        holder.replace(snapshot(pki(health(CHECKED.plusSeconds(600), result("pki/", "tidy_last_run",
                CheckStatus.OK, "tidy-status", "Tidy has run recently.")))));
        Scrape after = scrape();

        assertThat(healthRenders).hasValue(2);
        assertThat(after.value("vault_pki_health_check_status", "check", "tidy_last_run", "status", "ok"))
                .contains(1.0);
    }

    @Test
    void tidyGaugesCarryTheStateTimesDeletedAndStoredCountsOfTheLastTidy() {
        Instant started = CHECKED.minus(Duration.ofHours(3));
        holder.replace(snapshot(pki(health(CHECKED, tidy("Finished", started, started.plusSeconds(42), 120, 7,
                OptionalLong.of(50_000), OptionalLong.of(12))))));
        Scrape scrape = scrape();

        assertThat(scrape.family("vault_pki_tidy_state")).extracting(s -> s.labels().get("state"))
                .containsExactlyInAnyOrder("inactive", "running", "finished", "error", "cancelling", "cancelled",
                        "unknown");
        assertThat(scrape.value("vault_pki_tidy_state", "engine", "pki/", "state", "finished")).contains(1.0);
        assertThat(scrape.family("vault_pki_tidy_state")).filteredOn(s -> s.value() == 1).hasSize(1);
        assertThat(scrape.value("vault_pki_tidy_last_started_timestamp_seconds", "engine", "pki/"))
                .contains((double) started.getEpochSecond());
        assertThat(scrape.value("vault_pki_tidy_last_finished_timestamp_seconds", "engine", "pki/"))
                .contains((double) started.getEpochSecond() + 42);
        assertThat(scrape.value("vault_pki_tidy_deleted_certificates", "engine", "pki/")).contains(120.0);
        assertThat(scrape.value("vault_pki_tidy_deleted_revoked_certificates", "engine", "pki/")).contains(7.0);
        assertThat(scrape.value("vault_pki_tidy_stored_certificates", "engine", "pki/")).contains(50_000.0);
        assertThat(scrape.value("vault_pki_tidy_stored_revoked_certificates", "engine", "pki/")).contains(12.0);
    }

    @Test
    void aTidyThatNeverFinishedOnAnOldVaultHasNoFinishTimeNorStoredCounts() {
        holder.replace(snapshot(pki(health(CHECKED, tidy("Running", CHECKED.minusSeconds(10), null, 0, 0,
                OptionalLong.empty(), OptionalLong.empty())))));
        Scrape scrape = scrape();

        assertThat(scrape.value("vault_pki_tidy_state", "engine", "pki/", "state", "running")).contains(1.0);
        assertThat(scrape.family("vault_pki_tidy_last_finished_timestamp_seconds")).isEmpty();
        assertThat(scrape.family("vault_pki_tidy_stored_certificates")).isEmpty();
        assertThat(scrape.family("vault_pki_tidy_stored_revoked_certificates")).isEmpty();
        assertThat(scrape.value("vault_pki_tidy_deleted_certificates", "engine", "pki/")).contains(0.0);
    }

    @Test
    void aTidyStateVaultInventsIsUnknownAndNeverCopiedIntoALabel() {
        holder.replace(snapshot(pki(health(CHECKED, tidy("Exploded\"} 1\nevil{", CHECKED, null, 0, 0,
                OptionalLong.empty(), OptionalLong.empty())))));
        Scrape scrape = scrape();

        assertThat(scrape.value("vault_pki_tidy_state", "engine", "pki/", "state", "unknown")).contains(1.0);
        assertThat(text()).doesNotContain("Exploded").doesNotContain("evil");
    }

    @Test
    void messagesEndpointsAndObjectsNeverBecomeLabels() throws IOException, InterruptedException {
        holder.replace(snapshot(pki(health(CHECKED,
                about("role\"with\nnewline", "pki/", "role_allows_localhost", CheckStatus.WARNING,
                        "roles/role\"with\nnewline", "Role \"x\" allows localhost {evil=\"1\"}")))));
        String text = text();

        assertThat(text).doesNotContain("newline").doesNotContain("localhost {").doesNotContain("roles/");
        assertThat(Scrape.parse(text).family("vault_pki_health_check_results"))
                .allSatisfy(s -> assertThat(s.labels().keySet()).containsExactlyInAnyOrder("engine", "check", "status"));
        Promtool.assertClean(text);
    }

    @Test
    void theCachedHealthFamiliesEqualAFreshRenderingAndPassPromtool() throws IOException, InterruptedException {
        holder.replace(snapshot(pki(health(CHECKED, tidy("Error", CHECKED.minusSeconds(90), CHECKED.minusSeconds(30),
                        3, 1, OptionalLong.of(9), OptionalLong.of(2)),
                        result("pki/", "tidy_last_run", CheckStatus.OK, "tidy-status", "ok"),
                        about("web", "pki/", "issuance_at_risk", CheckStatus.CRITICAL, "roles/web", "expired"))),
                engine("team/a/pki/", List.of()).withHealth(health(CHECKED,
                        result("team/a/pki/", "audit_visibility", CheckStatus.INFORMATIONAL, "sys/mounts/x/tune",
                                "hmac")))));
        String cached = text();
        Set<String> lines = cached.lines().filter(l -> l.contains("vault_pki_health") || l.contains("vault_pki_tidy"))
                .collect(Collectors.toSet());

        MetricSnapshots fresh = new PkiMetricsCollector(holder, ExpiryThresholds.of(Duration.ofDays(30),
                Duration.ofDays(7)), new LeafSeriesConfiguration(10_000, false, List.of("7d", "30d")),
                new BuildInfo("1.2.3", "abc"), Duration.ofSeconds(60), Clock.fixed(NOW.plusSeconds(1),
                ZoneOffset.UTC)).collect();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, fresh);
        Set<String> expected = out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("vault_pki_health") || l.contains("vault_pki_tidy")).collect(Collectors.toSet());

        assertThat(lines).isEqualTo(expected).hasSizeGreaterThan(2 * 7 * 3);
        assertThat(cached.lines().filter(l -> l.startsWith("# TYPE ")).toList()).doesNotHaveDuplicates();
        Promtool.assertClean(cached);
        String openMetrics = new String(cache.body(ExpositionFormat.OPENMETRICS).identity(), StandardCharsets.UTF_8);
        assertThat(openMetrics).contains("# TYPE vault_pki_health_check_status gauge")
                .contains("vault_pki_tidy_state{engine=\"pki/\",state=\"error\"} 1");
    }
}

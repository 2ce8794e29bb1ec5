package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.support.metrics.GaugeFamily;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vaultpki.monitor.metrics.RefreshNote.seconds;

/**
 * The PKI health-check families of each engine's latest run ({@link EngineSnapshot#health()}): one status per
 * engine and check, the count of results per status, and when the run read Vault. They change only when a run
 * publishes different results. Labels hold closed sets only (engine, check name, status): never a message, a role
 * or an issuer, so the number of series is bounded by engines × checks × 7 for the status, and by the statuses that
 * have results (mostly one per check) for the counts.
 */
final class HealthFamilies {

    /** Gravity of a status for the per-check aggregate, best first: the worst result of a check is its status. */
    static final List<CheckStatus> BEST_TO_WORST = List.of(CheckStatus.OK, CheckStatus.NOT_APPLICABLE,
            CheckStatus.INFORMATIONAL, CheckStatus.INVALID_VERSION, CheckStatus.INSUFFICIENT_PERMISSIONS,
            CheckStatus.WARNING, CheckStatus.CRITICAL);

    static final String NOTE = " From the engine's last health-check run (every monitor.health-checks.every-refreshes"
            + " refreshes); a scrape never calls Vault.";

    void describe(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        GaugeFamily status = GaugeFamily.gauge("vault_pki_health_check_status",
                "1 for the current status of a PKI health check on an engine, 0 for its other statuses; the worst"
                        + " status when the check has several results (one per issuer or role). Absent for a check"
                        + " that is disabled or has not run." + NOTE, "engine", "check", "status");
        GaugeFamily results = GaugeFamily.gauge("vault_pki_health_check_results",
                "Number of results of a PKI health check on an engine with this status (a per-issuer or per-role"
                        + " check has one result per object); absent for a status without results." + NOTE, "engine", "check", "status");
        for (EngineSnapshot engine : snapshot.engines()) {
            if (engine.health().isEmpty()) {
                continue;
            }
            EngineHealth health = engine.health().get();
            String e = engine.engine();
            perCheck(health.results()).forEach((check, counts) -> {
                CheckStatus worst = worst(counts);
                for (CheckStatus s : BEST_TO_WORST) {
                    status.add(s == worst ? 1 : 0, e, check, s.label());
                    if (counts.containsKey(s)) {
                        // counts of zero would double the PKI series of a large Vault (engines × checks × 7) and
                        // tell nothing a sum cannot: a status without results has no series
                        results.add(counts.get(s), e, check, s.label());
                    }
                }
            });
        }
        status.addTo(out);
        results.addTo(out);
    }

    /**
     * When each engine's last run read Vault: apart from the results, because it changes with every run while the
     * results seldom do, so the thousands of status series are not rendered again for a new timestamp.
     */
    void describeRuns(PkiSnapshot snapshot, MetricSnapshots.Builder out) {
        GaugeFamily lastRun = GaugeFamily.gauge("vault_pki_health_check_last_run_timestamp_seconds",
                "When the engine's last PKI health-check run read Vault, Unix seconds." + NOTE, "engine");
        for (EngineSnapshot engine : snapshot.engines()) {
            engine.health().ifPresent(h -> lastRun.add(seconds(h.checkedAt()), engine.engine()));
        }
        lastRun.addTo(out);
    }

    /** Check name to the number of its results per status, checks in the order of their first result. */
    private static Map<String, Map<CheckStatus, Integer>> perCheck(List<CheckResult> results) {
        Map<String, Map<CheckStatus, Integer>> counts = new LinkedHashMap<>();
        for (CheckResult result : results) {
            counts.computeIfAbsent(result.check(), c -> new EnumMap<>(CheckStatus.class))
                    .merge(result.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** The worst status of {@code counts}' keys in {@link #BEST_TO_WORST}. */
    static CheckStatus worst(Map<CheckStatus, Integer> counts) {
        CheckStatus worst = CheckStatus.OK;
        for (CheckStatus s : BEST_TO_WORST) {
            if (counts.containsKey(s)) {
                worst = s;
            }
        }
        return worst;
    }
}

package io.vaultpki.bench;

import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the PKI health checks cost Vault (issue 13): a monitor with the checks at their defaults (every check but
 * {@code hardware_backed_root}, a run every 10 refreshes) refreshes the 50 × 20 scenario once, and the requests of
 * the check reads are counted from the emulator's log; the issuers, CRLs and stored certificates come from the
 * refresh and cost nothing extra. Per refresh: a run's requests ÷ {@code every-refreshes}.
 */
final class HealthCheckBench {

    /** The endpoints only the checks read ({@link RefreshCells#endpoint}). */
    static final List<String> CHECK_ENDPOINTS = List.of("GET issuer/:id/crl/delta", "LIST roles", "GET roles/:name",
            "GET key/:id", "GET config/*", "GET tidy-status", "GET sys/mounts/:mount/tune");

    private final Report report;

    HealthCheckBench(Report report) {
        this.report = report;
    }

    void run(VaultEmulator emu, int mounts) {
        HealthCheckConfig checks = HealthCheckConfig.defaults();
        try (RefreshCells cells = new RefreshCells(emu, "s" + mounts + "-*", 0, checks)) {
            RefreshCells.Cell run = cells.refresh(mounts * MonitorBench.ISSUERS_PER_MOUNT);
            Map<String, Long> reads = run.byEndpoint().entrySet().stream()
                    .filter(e -> CHECK_ENDPOINTS.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum,
                            java.util.LinkedHashMap::new));
            long total = reads.values().stream().mapToLong(Long::longValue).sum();
            double perRefresh = (double) total / checks.everyRefreshes();
            report.row("refresh.health-checks", "PKI health checks (defaults, every " + checks.everyRefreshes()
                            + " refreshes): extra Vault requests, " + mounts + " mounts × "
                            + MonitorBench.ISSUERS_PER_MOUNT + " issuers",
                    total + " requests per run, " + Report.fmt(perRefresh) + " per refresh",
                    reads.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")) + "; the run took " + Report.fmt(run.seconds())
                            + " s with the refresh (checks after the expiry snapshot is published)");
        }
    }
}

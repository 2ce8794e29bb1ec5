package io.vaultpki.bench;

import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.refresh.PkiRefresher;
import io.vaultpki.monitor.refresh.RefreshConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The monitor's numbers. Refresh times come from {@link PkiRefresher} built directly (as the application wires it,
 * default settings), one fresh refresher per cell so that its first refresh is a cold, full one, then steady-state
 * refreshes of the same refresher ({@link RefreshCells}); Vault requests, the most in flight and each path read are
 * what the emulator logged. The scale row and logins come from the monitor application itself
 * in a child JVM ({@code /metrics} under load is {@link ScrapeBench}'s, its memory at rest {@link FootprintBench}'s).
 */
final class MonitorBench {

    /** The Python exporter's requests per refresh of 50 × 20 issuers: 2 + 50 × (LIST issuers + 20 issuer reads). */
    static final int PYTHON_REQUESTS = 1_052;
    /** The former default {@code monitor.refresh.max-requests-per-second}, now an optional ceiling. */
    static final double OLD_DEFAULT_RATE = 20;
    /** A rate ceiling high enough never to wait (the {@code /metrics} and login runs refresh back to back). */
    static final double RAISED_RATE = 1_000_000;
    static final int ISSUERS_PER_MOUNT = Seeds.ISSUERS_PER_MOUNT;
    static final int CONCURRENCY = RefreshConfiguration.DEFAULT_CONCURRENCY;

    private final Bench.Options options;
    private final Report report;
    private final int[] mountCounts;
    private final int[] leafCounts;

    MonitorBench(Bench.Options options, Report report) {
        this.options = options;
        this.report = report;
        this.mountCounts = options.quick() ? new int[] {1, 2} : new int[] {1, 10, 50};
        // in-process leaf rows, then the monitor application's scale run (100,000 only in the full run)
        this.leafCounts = options.quick() ? new int[] {200, 400} : new int[] {10_000, 100_000};
    }

    void run() {
        try (VaultEmulator emu = VaultEmulator.builder().requestLogLimit(400_000).start()) {
            seed(emu);
            refreshRows(emu);
            new HealthCheckBench(report).run(emu, mountCounts[mountCounts.length - 1]);
            logins(emu);
        }
    }

    /** Issue 12 targets 1, 2 and 5: cold and steady-state refreshes with the defaults, and the scale run. */
    private void refreshRows(VaultEmulator emu) {
        int largest = mountCounts[mountCounts.length - 1];
        int issuers = largest * ISSUERS_PER_MOUNT;
        int maxInFlight = 0;
        RefreshCells.Cell target = null;
        Runnable steady = () -> { };
        for (int latency : new int[] {0, 5}) {
            for (int mounts : mountCounts) {
                try (RefreshCells cells = new RefreshCells(emu, "s" + mounts + "-*", latency)) {
                    RefreshCells.Cell cell = cells.refresh(mounts * ISSUERS_PER_MOUNT);
                    maxInFlight = Math.max(maxInFlight, cell.maxConcurrent());
                    report.row("refresh.issuers." + index(mountCounts, mounts) + "." + latency + "ms",
                            "monitor full refresh, " + mounts + " mounts × " + ISSUERS_PER_MOUNT + " issuers, "
                                    + latency + " ms, defaults",
                            Report.fmt(cell.seconds()) + " s, " + cell.requests() + " Vault requests",
                            cell.check(mounts * ISSUERS_PER_MOUNT, 0) + "; every issuer published after "
                                    + Report.fmt(cell.issuersAt()) + " s; at most " + cell.maxConcurrent()
                                    + " requests in flight" + idealNote(cell, latency));
                    if (latency == 5 && mounts == largest) {
                        target = cell;
                        steady = steadyState(emu, cells, mounts);
                    }
                }
            }
        }
        for (int latency : new int[] {0, 5}) {
            int leaves = leafCounts[0];
            try (RefreshCells cells = new RefreshCells(emu, "l" + leaves, latency)) {
                RefreshCells.Cell cell = cells.refresh(1);
                maxInFlight = Math.max(maxInFlight, cell.maxConcurrent());
                report.row("refresh.leaves.0." + latency + "ms", "monitor full refresh, " + String.format("%,d", leaves)
                                + " leaf certificates, " + latency + " ms, defaults",
                        Report.fmt(cell.seconds()) + " s, " + cell.requests() + " Vault requests",
                        cell.check(1, leaves) + "; at most " + cell.maxConcurrent() + " requests in flight"
                                + idealNote(cell, latency));
            }
        }
        report.row("refresh.ceiling", "monitor full refresh of " + largest + " × " + ISSUERS_PER_MOUNT + " issuers "
                        + "with the optional ceiling monitor.refresh.max-requests-per-second=20 (the former default)",
                "≈ " + Report.fmt(target.requests() / OLD_DEFAULT_RATE) + " s (predicted)",
                "not run: " + target.requests() + " requests ÷ 20 req/s; unset by default since issue 12");
        report.target("target.first-data", "issue 12 #1: every one of " + issuers + " issuers published after a cold "
                        + "refresh starts, 5 ms latency, defaults", target.issuersAt(), 2, "s",
                "the issuer step is " + (target.byEndpoint().getOrDefault("GET issuer/:id", 0L)
                        + target.byEndpoint().getOrDefault("LIST issuers", 0L)) + " requests at most "
                        + CONCURRENCY + " at a time; the client's and the emulator's CPU per request on 2 shared "
                        + "cores add to the 5 ms");
        report.target("target.vault-concurrency", "issue 12 #1: requests the emulator had in flight at once, every "
                + "refresh above (defaults)", maxInFlight, CONCURRENCY, "requests", "the limiter let more through");
        report.target("target.no-double-read", "issue 12 #2: objects read more than once in the cold refresh of "
                + largest + " × " + ISSUERS_PER_MOUNT + " issuers", target.duplicates(), 0, "objects",
                "a path was requested twice");
        steady.run();
        double ideal = target.requests() * 0.005 / CONCURRENCY;
        report.target("target.refresh", "issue 6: cold refresh of " + largest + " × 20 issuers at 5 ms within 2× of "
                        + "requests × latency ÷ " + CONCURRENCY + " (" + target.requests() + " × 5 ms ÷ " + CONCURRENCY
                        + " = " + Report.fmt(ideal) + " s)", target.seconds(), 2 * ideal, "s",
                "the client's and the emulator's CPU per request (HTTP, JSON, certificate and CRL parsing, CRL "
                        + "signing) on 2 shared cores adds to the 5 ms");
        new ScaleRun(options, report).run(emu, leafCounts[1]);
    }

    /**
     * Steady state: the next refreshes of the same monitor, with the mounts passing {@code If-Modified-Since} through
     * (conditional CRL reads) and without (the revoked-list check), each counted per endpoint.
     */
    private Runnable steadyState(VaultEmulator emu, RefreshCells cells, int mounts) {
        int issuers = mounts * ISSUERS_PER_MOUNT;
        cells.refresh(issuers); // the second refresh: the CRLs the first one built may still count as changed
        RefreshCells.Cell tuned = cells.refresh(issuers);
        tune(emu, mounts, false);
        RefreshCells.Cell untuned;
        try {
            cells.refresh(issuers); // the first one without the tune records the revoked serials
            untuned = cells.refresh(issuers);
        } finally {
            tune(emu, mounts, true);
        }
        steadyRow("refresh.steady.ims", "mounts passing If-Modified-Since through", tuned, issuers);
        steadyRow("refresh.steady.fallback", "mounts without that tune", untuned, issuers);
        report.table("Vault requests per endpoint, steady-state refresh of " + mounts + " × " + ISSUERS_PER_MOUNT
                        + " issuers (5 ms, defaults)", List.of("endpoint", "If-Modified-Since passed through",
                        "without the tune"), endpointRows(tuned, untuned));
        // the targets come after those of the cold refresh
        return () -> {
            report.target("target.steady-requests", "issue 12 #2: Vault requests of a steady-state refresh of "
                            + mounts + " × 20 issuers, CRLs and leaves covered, mounts passing If-Modified-Since",
                    tuned.requests(), PYTHON_REQUESTS, "requests", "issuers or CRLs were read again");
            report.target("target.steady-requests.fallback", "issue 12 #2: the same without the mounts' tune",
                    untuned.requests(), PYTHON_REQUESTS, "requests", "issuers or CRLs were read again");
        };
    }

    private void steadyRow(String id, String what, RefreshCells.Cell cell, int issuers) {
        report.row(id, "monitor steady-state refresh, " + (issuers / ISSUERS_PER_MOUNT) + " mounts × "
                        + ISSUERS_PER_MOUNT + " issuers, 5 ms, defaults, " + what,
                Report.fmt(cell.seconds()) + " s, " + cell.requests() + " Vault requests",
                cell.check(issuers, 0) + "; " + cell.endpoints());
    }

    private static List<List<String>> endpointRows(RefreshCells.Cell tuned, RefreshCells.Cell untuned) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(tuned.byEndpoint().keySet());
        names.addAll(untuned.byEndpoint().keySet());
        List<List<String>> rows = new java.util.ArrayList<>();
        for (String name : names) {
            rows.add(List.of(name, String.valueOf(tuned.byEndpoint().getOrDefault(name, 0L)),
                    String.valueOf(untuned.byEndpoint().getOrDefault(name, 0L))));
        }
        rows.add(List.of("**total**", "**" + tuned.requests() + "**", "**" + untuned.requests() + "**"));
        return rows;
    }

    private void tune(VaultEmulator emu, int mounts, boolean passIfModifiedSince) {
        for (int m = 0; m < mounts; m++) {
            emu.mounts().tune("", "s" + mounts + "-m" + m,
                    passIfModifiedSince ? List.of("If-Modified-Since") : List.of(), List.of());
        }
    }

    private static int index(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.valueOf(value));
    }

    private static String idealNote(RefreshCells.Cell cell, int latency) {
        if (latency == 0) {
            return "";
        }
        double ideal = cell.requests() * latency / 1000.0 / CONCURRENCY;
        return "; requests × latency ÷ " + CONCURRENCY + " = " + Report.fmt(ideal) + " s ("
                + Report.fmt(cell.seconds() / ideal) + "×)";
    }

    // ---- seeding ----

    /**
     * {@code s<m>-m<i>}: m mounts of a root and 19 intermediates (EC P-256), tuned to pass {@code If-Modified-Since}
     * through as docs/monitor-configuration.md recommends; {@code l<n>}: one issuer with n stored leaves, signed up
     * front so a read is answered from storage.
     */
    private void seed(VaultEmulator emu) {
        long started = System.nanoTime();
        for (int mounts : mountCounts) {
            Seeds.issuerMounts(emu, "s" + mounts + "-m", mounts, "Bench s" + mounts);
            tune(emu, mounts, true);
        }
        for (int leaves : leafCounts) {
            Seeds.leafMount(emu, "l" + leaves, leaves, "Bench " + leaves);
        }
        Bench.progress("seeded the emulator in " + Report.fmt((System.nanoTime() - started) / 1e9) + " s");
    }

    // ---- the monitor application ----

    /**
     * One monitor logging in with an AppRole whose tokens live {@code ttl} and at most {@code maxTtl}, refreshing
     * the largest issuer set back to back (5 ms latency, limiter raised, interval 100 ms): the logins and renewals
     * over a window of several token lifetimes. ({@code /metrics} under load is {@link ScrapeBench}'s.)
     */
    private void logins(VaultEmulator emu) {
        int mounts = mountCounts[mountCounts.length - 1];
        // TTLs are whole seconds in Vault; below a few seconds the client's renew-or-re-login choice has no room
        Duration ttl = options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(5);
        Duration maxTtl = options.quick() ? Duration.ofSeconds(6) : Duration.ofSeconds(15);
        Duration window = maxTtl.multipliedBy(options.quick() ? 2 : 3);

        // what the shipped vault/policies/vault-pki-monitor.hcl grants (the health checks read each mount's tune):
        // a 403 here would then only be a token the monitor failed to keep alive
        emu.policies().put("bench-monitor", Policy.builder().path("sys/mounts", "read")
                .path("sys/mounts/s" + mounts + "-*", "read").path("s" + mounts + "-*", "read", "list").build());
        String roleId = "bench-monitor";
        String secretId = UUID.randomUUID().toString();
        emu.auth().appRole("approle").role("bench-monitor", roleId, secretId, TokenSpec.builder()
                .policies("bench-monitor").ttl(ttl).maxTtl(maxTtl).renewable(true).build());
        Path secretFile = secretFile(secretId);
        Map<String, String> props = new HashMap<>();
        props.put("vault.address", emu.url().toString());
        props.put("vault.auth.method", "approle");
        props.put("vault.auth.mount", "approle");
        props.put("vault.auth.role-id", roleId);
        props.put("vault.auth.secret-id-file", secretFile.toString());
        props.put("monitor.mounts.include", "s" + mounts + "-*");
        props.put("monitor.refresh.interval", "100ms");
        props.put("monitor.refresh.max-requests-per-second", String.valueOf((long) RAISED_RATE));

        emu.faults().clear();
        emu.faults().latency(Duration.ofMillis(5));
        emu.requests().clear();
        Instant started = Instant.now();
        try (ChildApp monitor = ChildApp.start("monitor-logins", options.monitorJar(), "io.vaultpki.monitor.Application",
                props, Map.of(), options.workDir(), "/health/liveness", Duration.ofSeconds(60))) {
            Bench.progress("monitor started (AppRole login)");
            Poll.until(() -> Duration.between(started, Instant.now()).compareTo(window) >= 0,
                    window.plusSeconds(5), Duration.ofMillis(100));
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            long logins = emu.requests().count("POST", "auth/approle/login");
            long renewals = emu.requests().count("POST", "auth/token/renew-self")
                    + emu.requests().count("PUT", "auth/token/renew-self");
            long refused = emu.requests().all().stream().filter(r -> r.status() == 403).count();
            double lifetimes = seconds / maxTtl.toSeconds();
            long allowed = (long) Math.ceil(lifetimes) + 1;
            report.row("logins", "monitor logins (AppRole, token TTL " + ttl.toSeconds() + " s, max TTL "
                            + maxTtl.toSeconds() + " s) over " + Report.fmt(seconds) + " s",
                    logins + " logins, " + renewals + " renewals in " + Report.fmt(lifetimes) + " token lifetimes, "
                            + refused + " requests refused (403)",
                    "each token served " + Report.fmt(seconds / logins) + " s of its " + maxTtl.toSeconds()
                            + " s max TTL; scaled to a 1 h TTL / 24 h max TTL token: "
                            + Report.fmt(logins / lifetimes / 24) + " logins per hour");
            report.target("target.logins", "one login per token lifetime: at most ⌈" + Report.fmt(lifetimes)
                    + " lifetimes⌉ + 1 (the first) logins, renewals in between", logins, allowed, "logins",
                    "more than one login per lifetime: renewal is not carrying the token");
        } finally {
            emu.faults().clear();
        }
    }

    private Path secretFile(String secret) {
        try {
            Path file = options.workDir().resolve("approle-secret-id");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.vaultpki.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.LeavesConfiguration;
import io.vaultpki.monitor.refresh.PkiRefresher;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshConfiguration;
import io.vaultpki.monitor.refresh.RefreshMetrics;
import io.vaultpki.monitor.refresh.SnapshotHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The monitor's numbers. Refresh times come from {@link PkiRefresher} built directly (as the application wires it),
 * one fresh refresher per cell so that every refresh is a cold, full one; Vault requests are what the emulator
 * answered. {@code /metrics} and logins come from the monitor application itself in a child JVM; its memory is
 * {@link FootprintBench}'s.
 */
final class MonitorBench {

    /** The monitor's defaults, {@code monitor.refresh.max-requests-per-second} and {@code concurrency}. */
    static final double DEFAULT_RATE = 20;
    static final int CONCURRENCY = 4;
    /** "Limiter raised": high enough never to wait. */
    static final double RAISED_RATE = 1_000_000;
    static final int ISSUERS_PER_MOUNT = 20;

    private final Bench.Options options;
    private final Report report;
    private final int[] mountCounts;
    private final int[] leafCounts;
    private final HttpClient http = HttpClient.newHttpClient();

    MonitorBench(Bench.Options options, Report report) {
        this.options = options;
        this.report = report;
        this.mountCounts = options.quick() ? new int[] {1, 2} : new int[] {1, 10, 50};
        this.leafCounts = options.quick() ? new int[] {200, 400} : new int[] {10_000, 100_000};
    }

    void run() {
        try (VaultEmulator emu = VaultEmulator.builder().requestLogLimit(400_000).start()) {
            seed(emu);
            Map<String, Cell> raised = new HashMap<>();
            for (int latency : new int[] {0, 5}) {
                for (int mounts : mountCounts) {
                    Cell cell = refresh(emu, "s" + mounts + "-*", latency, RAISED_RATE);
                    raised.put("issuers-" + mounts + "-" + latency, cell);
                    report.row("refresh.issuers." + index(mountCounts, mounts) + "." + latency + "ms",
                            "monitor full refresh, " + mounts + " mounts × " + ISSUERS_PER_MOUNT + " issuers, "
                                    + latency + " ms, limiter raised",
                            Report.fmt(cell.seconds) + " s, " + cell.requests + " Vault requests",
                            cell.check(mounts * ISSUERS_PER_MOUNT, 0) + idealNote(cell, latency));
                }
            }
            for (int latency : new int[] {0, 5}) {
                for (int leaves : leafCounts) {
                    String id = "refresh.leaves." + index(leafCounts, leaves) + "." + latency + "ms";
                    String what = "monitor full refresh, " + String.format("%,d", leaves) + " leaf certificates, "
                            + latency + " ms, limiter raised";
                    if (latency == 5 && leaves >= 100_000) {
                        // the slowest cell: predicted from the 0 ms run of this size and the smaller 5 ms run
                        Cell zero = raised.get("leaves-" + leaves + "-0");
                        Cell small = raised.get("leaves-" + leafCounts[0] + "-5");
                        double perRequest = small.seconds / small.requests;
                        double floor = zero.requests * latency / 1000.0 / CONCURRENCY;
                        report.row(id, what, "≈ " + Report.fmt(floor) + " to " + Report.fmt(perRequest * zero.requests)
                                        + " s (predicted), " + zero.requests + " Vault requests",
                                "not run, to keep the full run under 10 min: at least requests × 5 ms ÷ "
                                        + CONCURRENCY + "; at most the " + String.format("%,d", leafCounts[0])
                                        + "-leaf 5 ms cell's " + Report.fmt(perRequest * 1000) + " ms per request");
                        continue;
                    }
                    Cell cell = refresh(emu, "l" + leaves, latency, RAISED_RATE);
                    raised.put("leaves-" + leaves + "-" + latency, cell);
                    report.row(id, what, Report.fmt(cell.seconds) + " s, " + cell.requests + " Vault requests",
                            cell.check(1, leaves) + idealNote(cell, latency)
                                    + (latency == 0 ? "; includes the emulator signing each leaf on its first read"
                                    : ""));
                }
            }
            defaults(emu, raised);
            Cell target = raised.get("issuers-" + mountCounts[mountCounts.length - 1] + "-5");
            double ideal = target.requests * 0.005 / CONCURRENCY;
            report.target("target.refresh", "full refresh of " + mountCounts[mountCounts.length - 1] + " × 20 issuers at 5 ms "
                            + "within 2× of requests × latency ÷ concurrency (" + target.requests + " × 5 ms ÷ "
                            + CONCURRENCY + " = " + Report.fmt(ideal) + " s)",
                    target.seconds, 2 * ideal, "s", "the client's per-request cost (HTTP, JSON, certificate parsing) "
                            + "on 2 shared cores adds to the 5 ms; the first refresh also reads issuers and CRLs twice "
                            + "(an early issuers-only snapshot)");
            metricsAndLogins(emu);
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

    private static String idealNote(Cell cell, int latency) {
        if (latency == 0) {
            return "";
        }
        double ideal = cell.requests * latency / 1000.0 / CONCURRENCY;
        return "; requests × latency ÷ " + CONCURRENCY + " = " + Report.fmt(ideal) + " s ("
                + Report.fmt(cell.seconds / ideal) + "×)";
    }

    /** With the monitor's default limiter: measured where it takes seconds, predicted (requests ÷ 20/s) elsewhere. */
    private void defaults(VaultEmulator emu, Map<String, Cell> raised) {
        // quick mode predicts every cell: a measured one is only the limiter's wait (requests ÷ 20/s)
        int measuredUpTo = options.quick() ? 0 : 10;
        for (int mounts : mountCounts) {
            Cell fast = raised.get("issuers-" + mounts + "-5");
            String id = "refresh.defaults.issuers." + index(mountCounts, mounts);
            String what = "monitor full refresh with the defaults (20 req/s, concurrency 4), " + mounts + " mounts × 20 "
                    + "issuers, 5 ms";
            if (mounts <= measuredUpTo) {
                Cell cell = refresh(emu, "s" + mounts + "-*", 5, DEFAULT_RATE);
                report.row(id, what, Report.fmt(cell.seconds) + " s, " + cell.requests + " Vault requests",
                        cell.check(mounts * ISSUERS_PER_MOUNT, 0) + "; measured; requests ÷ 20/s = "
                                + Report.fmt(cell.requests / DEFAULT_RATE) + " s");
            } else {
                report.row(id, what, "≈ " + Report.fmt(fast.requests / DEFAULT_RATE) + " s (predicted)",
                        "not run: " + fast.requests + " requests ÷ 20 req/s; the limiter, not Vault, sets the time");
            }
        }
        for (int leaves : leafCounts) {
            Cell fast = raised.get("leaves-" + leaves + "-0");
            report.row("refresh.defaults.leaves." + index(leafCounts, leaves),
                    "monitor full refresh with the defaults (20 req/s, concurrency 4), " + String.format("%,d", leaves)
                            + " leaf certificates",
                    "≈ " + Report.fmt(fast.requests / DEFAULT_RATE / 60) + " min (predicted)",
                    "not run: " + fast.requests + " requests ÷ 20 req/s, by design (each serial is read once; later "
                            + "refreshes read only new serials)");
        }
    }

    // ---- seeding ----

    private void seed(VaultEmulator emu) {
        long started = System.nanoTime();
        for (int mounts : mountCounts) {
            for (int m = 0; m < mounts; m++) {
                PkiMount mount = emu.pki().enable("s" + mounts + "-m" + m);
                Issuer root = mount.generateRoot(IssuerSpec.named("root").commonName("Bench Root s" + mounts + "-" + m)
                        .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(3650)));
                for (int i = 1; i < ISSUERS_PER_MOUNT; i++) {
                    mount.generateIntermediate(IssuerSpec.named("int-" + i).commonName("Bench Int " + m + "-" + i)
                            .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(365 + i)), root);
                }
            }
        }
        for (int leaves : leafCounts) {
            PkiMount mount = emu.pki().enable("l" + leaves);
            Issuer root = mount.generateRoot(IssuerSpec.named("root").commonName("Bench Leaves " + leaves)
                    .key(KeyAlgorithm.EC_P256).validFor(Duration.ofDays(3650)));
            mount.issueLeaves(leaves, LeafSpec.commonName("host-%d.example.com").issuer(root)
                    .validFor(Duration.ofDays(30)));
        }
        Bench.progress("seeded the emulator in " + Report.fmt((System.nanoTime() - started) / 1e9) + " s");
    }

    // ---- in-process refresh ----

    record Cell(double seconds, long requests, int issuers, int leaves, boolean allUp) {
        String check(int expectedIssuers, int expectedLeaves) {
            boolean complete = allUp && issuers == expectedIssuers && leaves >= expectedLeaves;
            return complete ? "complete: " + issuers + " issuers" + (expectedLeaves > 0 ? ", " + leaves + " leaves" : "")
                    : "INCOMPLETE: " + issuers + "/" + expectedIssuers + " issuers, " + leaves + "/" + expectedLeaves
                    + " leaves, all engines up: " + allUp;
        }
    }

    private static Cell refresh(VaultEmulator emu, String include, int latencyMs, double rate) {
        emu.faults().clear();
        if (latencyMs > 0) {
            emu.faults().latency(Duration.ofMillis(latencyMs));
        }
        VaultSettings settings = VaultSettings.builder().address(emu.url()).allowRootToken(true).build();
        TokenAuthentication auth = new TokenAuthentication(VaultToken.of(emu.rootToken()));
        MountsConfiguration mounts = new MountsConfiguration(null, List.of(include), List.of(), List.of());
        // the interval and initial delay do not matter here: the bench calls refresh() itself
        RefreshConfiguration configuration = new RefreshConfiguration(Duration.ofSeconds(60), CONCURRENCY, rate,
                Duration.ZERO);
        try (VaultClient client = VaultClient.create(settings, auth)) {
            PkiRefresher refresher = new PkiRefresher(client, auth, new SnapshotHolder(settings),
                    new MountSelection(mounts), configuration, new LeavesConfiguration(true),
                    new RefreshMetrics(new SimpleMeterRegistry()));
            try {
                emu.requests().clear();
                long started = System.nanoTime();
                PkiSnapshot snapshot = refresher.refresh();
                double seconds = (System.nanoTime() - started) / 1e9;
                long requests = emu.requests().all().size();
                int issuers = snapshot.engines().stream().mapToInt(e -> e.issuers().size()).sum();
                int leaves = snapshot.engines().stream().mapToInt(e -> e.leaves().size()).sum();
                boolean up = snapshot.vault().reachable() && !snapshot.engines().isEmpty()
                        && snapshot.engines().stream().allMatch(EngineSnapshot::up);
                return new Cell(seconds, requests, issuers, leaves, up);
            } finally {
                closeQuietly(refresher);
            }
        } finally {
            emu.faults().clear();
        }
    }

    /** PkiRefresher's pools are shut down by its package-private {@code @PreDestroy close()} in the application. */
    private static void closeQuietly(PkiRefresher refresher) {
        try {
            Method close = PkiRefresher.class.getDeclaredMethod("close");
            close.setAccessible(true);
            close.invoke(refresher);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // daemon threads; they die with the bench
        }
    }

    // ---- the monitor application ----

    /**
     * One monitor refreshing the largest issuer set back to back (5 ms latency, limiter raised, interval 100 ms) and
     * logging in with an AppRole whose tokens live {@code ttl} and at most {@code maxTtl}: {@code /metrics} under a
     * fixed 500 req/s while refreshes run, and the logins and renewals over a window of several token lifetimes.
     */
    private void metricsAndLogins(VaultEmulator emu) {
        int mounts = mountCounts[mountCounts.length - 1];
        int issuers = mounts * ISSUERS_PER_MOUNT;
        // TTLs are whole seconds in Vault; below a few seconds the client's renew-or-re-login choice has no room
        Duration ttl = options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(5);
        Duration maxTtl = options.quick() ? Duration.ofSeconds(6) : Duration.ofSeconds(15);
        Duration window = maxTtl.multipliedBy(options.quick() ? 2 : 3);
        Duration loadTime = options.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(10);

        emu.policies().put("bench-monitor", Policy.builder().path("sys/mounts", "read")
                .path("s" + mounts + "-*", "read", "list").build());
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
        try (ChildApp monitor = ChildApp.start("monitor-metrics", options.monitorJar(), "io.vaultpki.monitor.Application",
                props, Map.of(), options.workDir(), "/health/liveness", Duration.ofSeconds(60))) {
            Bench.progress("monitor started (" + issuers + " issuers, AppRole login)");
            URI metrics = monitor.url.resolve("/metrics");
            boolean loaded = Poll.until(() -> issuerSeries(metrics) >= issuers, Duration.ofSeconds(120),
                    Duration.ofMillis(200));
            if (!loaded) {
                throw new IllegalStateException("the monitor never exported " + issuers + " issuers; see "
                        + options.workDir().resolve("monitor-metrics.log"));
            }
            Bench.progress("monitor exports every issuer");
            Load.run(List.of(metrics), null, 100, options.quick() ? Duration.ofMillis(300) : Duration.ofSeconds(2));
            List<Double> single = new java.util.ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < (options.quick() ? 10 : 50); i++) {
                long t = System.nanoTime();
                bytes = get(metrics).length();
                single.add((System.nanoTime() - t) / 1e6);
            }
            double[] one = Load.sorted(single);
            String cost = "one scrape is " + String.format("%,d", bytes) + " characters (about 9 series per issuer) "
                    + "and takes " + Report.fmt(Load.percentile(one, 50)) + " ms alone here, so the 2 shared cores "
                    + "serve tens of scrapes a second, not 500; p99 counts only the scrapes answered";
            report.row("metrics.single", "monitor `/metrics`, one scrape at a time, " + issuers + " issuers",
                    "p50 " + Report.fmt(Load.percentile(one, 50)) + " ms, p99 " + Report.fmt(Load.percentile(one, 99))
                            + " ms",
                    String.format("%,d", bytes) + " characters per scrape; sequential scrapes while refreshes run");
            double refreshesBefore = refreshCount(metrics);
            Duration timeout = options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
            Load.Result load = Load.run(List.of(metrics), null, 500, loadTime, timeout);
            awaitRecovery(metrics);
            double refreshes = refreshCount(metrics) - refreshesBefore;
            report.row("metrics.latency", "monitor `/metrics` under 500 req/s for " + loadTime.toSeconds() + " s, "
                            + issuers + " issuers, refreshes running",
                    "p50 " + Report.fmt(load.p50Ms()) + " ms, p99 " + Report.fmt(load.p99Ms()) + " ms, max "
                            + Report.fmt(load.maxMs()) + " ms",
                    load.ok() + "/" + load.sent() + " answered 200, " + load.failed() + " failed, timed out after "
                            + timeout.toSeconds() + " s or not sent (" + Load.MAX_IN_FLIGHT + " already in flight); " + Report.fmt(refreshes)
                            + " refreshes completed during the load (5 ms latency, limiter raised, interval 100 ms)");
            report.row("metrics.throughput", "monitor `/metrics` throughput at a fixed 500 req/s offered",
                    Report.fmt(load.okPerSecond()) + " scrapes/s",
                    "open loop: latency counted from each request's scheduled start (JDK HttpClient)");
            report.target("target.metrics", "`/metrics` p99 < 5 ms at 500 req/s with " + issuers + " issuers, "
                            + "refreshes running back to back",
                    load.p99Ms(), 5, "ms", cost);

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

            // The same load while the refresh in flight waits on a slow Vault (20 s per request) instead of using
            // the CPU: how a refresh mostly runs with the default 20 req/s limiter.
            emu.faults().clear();
            emu.faults().latency(Duration.ofSeconds(20));
            Poll.pause(Duration.ofMillis(500));
            awaitRecovery(metrics);
            Load.Result waiting = Load.run(List.of(metrics), null, 500, loadTime, timeout);
            emu.faults().clear();
            report.row("metrics.latency.waiting", "monitor `/metrics` under 500 req/s for " + loadTime.toSeconds()
                            + " s, " + issuers + " issuers, the refresh in flight waiting on Vault",
                    "p50 " + Report.fmt(waiting.p50Ms()) + " ms, p99 " + Report.fmt(waiting.p99Ms()) + " ms, max "
                            + Report.fmt(waiting.maxMs()) + " ms, " + Report.fmt(waiting.okPerSecond()) + " scrapes/s",
                    waiting.ok() + "/" + waiting.sent() + " answered 200 within " + timeout.toSeconds() + " s; Vault answers after 20 s, so the refresh "
                            + "holds no CPU (as with the default limiter)");
            report.target("target.metrics.waiting", "`/metrics` p99 < 5 ms at 500 req/s with " + issuers
                    + " issuers, refresh waiting on Vault", waiting.p99Ms(), 5, "ms",
                    cost);
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

    private String get(URI uri) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private int issuerSeries(URI metrics) {
        return (int) get(metrics).lines().filter(l -> l.startsWith("vault_issuer_validity_seconds{")).count();
    }

    /** Completed refreshes from the monitor's own histogram; NaN when the scrape failed. */
    private double refreshCount(URI metrics) {
        return get(metrics).lines().filter(l -> l.startsWith("vault_pki_refresh_duration_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElse(Double.NaN);
    }

    /** After an overload: waits until one scrape answers within 2 s again (the server has drained its backlog). */
    private void awaitRecovery(URI metrics) {
        Poll.until(() -> {
            long t = System.nanoTime();
            boolean ok = !get(metrics).isEmpty();
            return ok && System.nanoTime() - t < 2_000_000_000L;
        }, Duration.ofSeconds(90), Duration.ofMillis(500));
    }
}

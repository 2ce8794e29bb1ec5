package io.vaultpki.bench;

import io.vaultpki.emulator.VaultEmulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor's {@code /metrics} (issue 12, target 3): the monitor application in a child JVM exporting
 * {@code mounts × 20} issuers (1,000; 40 with {@code --quick}) with their CRLs, refreshing back to back against a
 * 5 ms Vault (interval 100 ms, limiter raised: a refresh is running nearly all the time), scraped by the open-loop
 * generator {@link Load} at 500 requests a second as Prometheus scrapes (its {@code Accept} and
 * {@code Accept-Encoding: gzip}), then as a plain HTTP client (text, uncompressed), then while the refresh in flight
 * waits on a slow Vault.
 */
final class ScrapeBench {

    static final int ISSUERS_PER_MOUNT = Seeds.ISSUERS_PER_MOUNT;
    static final int RATE = 500;
    /** What Prometheus 2.x sends with its default scrape_protocols. */
    static final Map<String, String> PROMETHEUS = Map.of(
            "Accept", "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;"
                    + "q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
            "Accept-Encoding", "gzip");

    private final Bench.Options options;
    private final Report report;
    private final int mounts;
    private final Duration loadTime;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newHttpClient();

    ScrapeBench(Bench.Options options, Report report) {
        this.options = options;
        this.report = report;
        this.mounts = options.quick() ? 2 : 50;
        this.loadTime = options.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
        this.timeout = options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
    }

    void run() {
        int issuers = mounts * ISSUERS_PER_MOUNT;
        try (VaultEmulator emu = VaultEmulator.builder().requestLogLimit(10_000).start()) {
            seed(emu);
            Map<String, String> props = new HashMap<>();
            props.put("vault.address", emu.url().toString());
            props.put("vault.auth.method", "token");
            props.put("vault.allow-root-token", "true");
            props.put("monitor.mounts.include", "scrape-*");
            props.put("monitor.refresh.interval", "100ms");
            props.put("monitor.refresh.max-requests-per-second", "1000000");
            emu.faults().latency(Duration.ofMillis(5));
            try (ChildApp monitor = ChildApp.start("monitor-scrape", options.monitorJar(),
                    "io.vaultpki.monitor.Application", props, Map.of("VAULT_TOKEN", emu.rootToken()),
                    options.workDir(), "/health/liveness", Duration.ofSeconds(60))) {
                URI metrics = monitor.url.resolve("/metrics");
                if (!Poll.until(() -> issuerSeries(metrics) >= issuers, Duration.ofSeconds(120),
                        Duration.ofMillis(200))) {
                    throw new IllegalStateException("the monitor never exported " + issuers + " issuers; see "
                            + options.workDir().resolve("monitor-scrape.log"));
                }
                Bench.progress("monitor exports every issuer (" + issuers + ")");
                // the JIT compiles the scrape path during the first few thousand scrapes: measure after them
                Duration warmUp = options.quick() ? Duration.ofMillis(300) : Duration.ofSeconds(5);
                Load.withHeaders(List.of(metrics), PROMETHEUS, RATE, warmUp, timeout);
                Load.withHeaders(List.of(metrics), Map.of(), 100, warmUp, timeout);
                awaitRecovery(metrics);
                body(metrics, issuers);
                single(metrics, issuers);
                underLoad(monitor, metrics, issuers);
                identityUnderLoad(metrics, issuers);
                waiting(emu, monitor, metrics, issuers);
            }
        } finally {
            Bench.progress("scrape bench done");
        }
    }

    private void seed(VaultEmulator emu) {
        long started = System.nanoTime();
        Seeds.issuerMounts(emu, "scrape-", mounts, "Scrape");
        Bench.progress("seeded " + mounts + " × " + ISSUERS_PER_MOUNT + " issuers in "
                + Report.fmt((System.nanoTime() - started) / 1e9) + " s");
    }

    /** The size of one scrape, uncompressed Prometheus text and gzip OpenMetrics, and its series. */
    private void body(URI metrics, int issuers) {
        byte[] text = fetch(metrics, Map.of());
        byte[] gzip = fetch(metrics, PROMETHEUS);
        String scrape = new String(text, StandardCharsets.UTF_8);
        long series = scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
        long pki = scrape.lines().filter(l -> l.startsWith("vault_issuer_") || l.startsWith("vault_pki_"))
                .count();
        report.row("metrics.body", "monitor `/metrics` body, " + issuers + " issuers with their CRLs",
                String.format("%,d", text.length) + " bytes as text, " + String.format("%,d", gzip.length)
                        + " bytes as gzip OpenMetrics (what Prometheus receives)",
                String.format("%,d", series) + " series (" + String.format("%,d", pki) + " vault_* ones, about "
                        + Report.fmt((double) pki / issuers) + " per issuer); gzip is "
                        + Report.fmt(100.0 * gzip.length / text.length) + " % of the text");
    }

    private void single(URI metrics, int issuers) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < (options.quick() ? 10 : 50); i++) {
            long t = System.nanoTime();
            fetch(metrics, PROMETHEUS);
            times.add((System.nanoTime() - t) / 1e6);
        }
        double[] sorted = Load.sorted(times);
        report.row("metrics.single", "monitor `/metrics`, one scrape at a time, " + issuers + " issuers",
                "p50 " + Report.fmt(Load.percentile(sorted, 50)) + " ms, p99 " + Report.fmt(Load.percentile(sorted, 99))
                        + " ms",
                "sequential scrapes with Prometheus' headers (OpenMetrics, gzip) while refreshes run");
    }

    private void underLoad(ChildApp monitor, URI metrics, int issuers) {
        double refreshesBefore = MonitorScrape.refreshCount(metrics);
        Duration cpuBefore = monitor.cpuTime();
        Load.Result load = Load.withHeaders(List.of(metrics), PROMETHEUS, RATE, loadTime, timeout);
        double cpu = monitor.cpuTime().minus(cpuBefore).toMillis() / 1000.0;
        awaitRecovery(metrics);
        double refreshes = MonitorScrape.refreshCount(metrics) - refreshesBefore;
        report.row("metrics.latency", "monitor `/metrics` under " + RATE + " req/s for " + loadTime.toSeconds()
                        + " s as Prometheus scrapes (OpenMetrics, gzip), " + issuers + " issuers, refreshes running",
                "p50 " + Report.fmt(load.p50Ms()) + " ms, p99 " + Report.fmt(load.p99Ms()) + " ms, max "
                        + Report.fmt(load.maxMs()) + " ms",
                load.ok() + "/" + load.sent() + " answered 200, " + load.failed() + " failed, timed out after "
                        + timeout.toSeconds() + " s or not sent (" + Load.MAX_IN_FLIGHT + " already in flight); "
                        + Report.fmt(refreshes) + " refreshes completed during the load (5 ms latency, limiter "
                        + "raised, interval 100 ms); the monitor used " + Report.fmt(cpu) + " s of CPU in those "
                        + loadTime.toSeconds() + " s, refreshes included");
        report.row("metrics.throughput", "monitor `/metrics` throughput at a fixed " + RATE + " req/s offered",
                Report.fmt(load.okPerSecond()) + " scrapes/s",
                "open loop: latency counted from each request's scheduled start (JDK HttpClient, same machine)");
        String why = "the monitor used " + Report.fmt(cpu) + " s of CPU in " + loadTime.toSeconds() + " s, its "
                + "refresh included; the tail is time spent waiting for one of the 2 cores, shared with the refresh, "
                + "the emulator and the load generator (see the CPU per scrape in the waiting row)";
        report.target("target.scrape", "`/metrics` with " + issuers + " issuers, " + RATE + " scrapes/s offered as "
                        + "Prometheus scrapes, a refresh running: at least " + (RATE - 5) + "/s answered, "
                        + "p99 ≤ 25 ms",
                why, Report.Limit.atLeast("answered", load.okPerSecond(), RATE - 5, "/s"),
                Report.Limit.atMost("p99", load.p99Ms(), 25, "ms"));
        report.target("target.metrics", "`/metrics` p99 < 5 ms at " + RATE + " req/s with " + issuers + " issuers, "
                + "refreshes running back to back", load.p99Ms(), 5, "ms", why);
    }

    /** The same rate from a client that asks for neither OpenMetrics nor gzip: every answer is the whole text. */
    private void identityUnderLoad(URI metrics, int issuers) {
        Load.Result load = Load.withHeaders(List.of(metrics), Map.of(), RATE, loadTime, timeout);
        awaitRecovery(metrics);
        report.row("metrics.latency.identity", "monitor `/metrics` under " + RATE + " req/s for "
                        + loadTime.toSeconds() + " s, uncompressed text, " + issuers + " issuers, refreshes running",
                "p50 " + Report.fmt(load.p50Ms()) + " ms, p99 " + Report.fmt(load.p99Ms()) + " ms, "
                        + Report.fmt(load.okPerSecond()) + " scrapes/s",
                load.ok() + "/" + load.sent() + " answered 200; a client without Accept-Encoding: gzip moves the "
                        + "whole text each time, and the generator on the same cores reads it");
    }

    /** The load while the refresh in flight waits on a slow Vault (20 s per request) instead of using the CPU. */
    private void waiting(VaultEmulator emu, ChildApp monitor, URI metrics, int issuers) {
        emu.faults().clear();
        emu.faults().latency(Duration.ofSeconds(20));
        try {
            Poll.pause(Duration.ofMillis(500));
            awaitRecovery(metrics);
            Duration cpuBefore = monitor.cpuTime();
            Load.Result waiting = Load.withHeaders(List.of(metrics), PROMETHEUS, RATE, loadTime, timeout);
            double cpuMs = monitor.cpuTime().minus(cpuBefore).toNanos() / 1e6;
            report.row("metrics.latency.waiting", "monitor `/metrics` under " + RATE + " req/s for "
                            + loadTime.toSeconds() + " s as Prometheus scrapes, " + issuers
                            + " issuers, the refresh in flight waiting on Vault",
                    "p50 " + Report.fmt(waiting.p50Ms()) + " ms, p99 " + Report.fmt(waiting.p99Ms()) + " ms, max "
                            + Report.fmt(waiting.maxMs()) + " ms, " + Report.fmt(waiting.okPerSecond())
                            + " scrapes/s",
                    waiting.ok() + "/" + waiting.sent() + " answered 200 within " + timeout.toSeconds()
                            + " s; Vault answers after 20 s, so the refresh holds no CPU: the monitor used "
                            + Report.fmt(cpuMs / Math.max(1, waiting.ok())) + " ms of CPU per answered scrape");
            report.target("target.metrics.waiting", "`/metrics` p99 < 5 ms at " + RATE + " req/s with " + issuers
                    + " issuers, refresh waiting on Vault", waiting.p99Ms(), 5, "ms",
                    "the load generator shares the 2 cores with the monitor");
        } finally {
            emu.faults().clear();
        }
    }

    private byte[] fetch(URI uri, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
            headers.forEach(request::header);
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? r.body() : new byte[0];
        } catch (IOException e) {
            return new byte[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        }
    }

    private String text(URI metrics) {
        return new String(fetch(metrics, Map.of()), StandardCharsets.UTF_8);
    }

    private int issuerSeries(URI metrics) {
        return (int) text(metrics).lines().filter(l -> l.startsWith("vault_issuer_validity_seconds{")).count();
    }

    /** After an overload: waits until one scrape answers within 2 s again (the server has drained its backlog). */
    private void awaitRecovery(URI metrics) {
        Poll.until(() -> {
            long t = System.nanoTime();
            boolean ok = fetch(metrics, PROMETHEUS).length > 0;
            return ok && System.nanoTime() - t < 2_000_000_000L;
        }, Duration.ofSeconds(90), Duration.ofMillis(500));
    }
}

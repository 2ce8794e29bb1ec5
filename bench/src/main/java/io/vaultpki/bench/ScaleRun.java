package io.vaultpki.bench;

import io.vaultpki.emulator.VaultEmulator;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Issue 12 target 5: the monitor application (child JVM, the image's flags, default {@code monitor.refresh.*})
 * refreshes one mount of many stored leaves at 5 ms per Vault request; the row reports the first refresh's wall
 * time (the application's own {@code vault_pki_refresh_duration_seconds}) and the resident memory after it.
 */
final class ScaleRun {

    /** Issue 12 #5: a refresh of 100,000 leaves within this, at 5 ms latency, with the defaults. */
    static final double LIMIT_SECONDS = 120;
    /** Issue 12 #4 and #5: the memory the monitor must fit in. */
    static final double LIMIT_RSS_MIB = 128;

    private final Bench.Options options;
    private final Report report;

    ScaleRun(Bench.Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run(VaultEmulator emu, int leaves) {
        Map<String, String> props = new HashMap<>();
        props.put("vault.address", emu.url().toString());
        props.put("vault.auth.method", "token");
        props.put("vault.allow-root-token", "true");
        props.put("monitor.mounts.include", "l" + leaves);
        props.put("monitor.refresh.interval", "1h");
        emu.faults().clear();
        emu.faults().latency(Duration.ofMillis(5));
        emu.requests().clear();
        String count = String.format("%,d", leaves);
        Bench.progress("monitor application refreshing " + count + " leaves at 5 ms");
        Map<String, String> env = new HashMap<>(Map.of("VAULT_TOKEN", emu.rootToken()));
        // -Dbench.scale.java-options="-Xmx64m ...": extra JVM flags for this run only (what-if runs)
        String extra = System.getProperty("bench.scale.java-options", "");
        if (!extra.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", extra);
        }
        try (ChildApp monitor = ChildApp.start("monitor-scale", options.monitorJar(), "io.vaultpki.monitor.Application",
                props, env, options.workDir(), "/health/liveness", Duration.ofSeconds(60))) {
            URI metrics = monitor.url.resolve("/metrics");
            Duration wait = Duration.ofSeconds((long) (LIMIT_SECONDS * 4));
            if (!Poll.until(() -> MonitorScrape.value(metrics, "vault_pki_refresh_duration_seconds_count") >= 1, wait,
                    Duration.ofSeconds(2))) {
                throw new IllegalStateException("the monitor did not complete a refresh of " + count + " leaves in "
                        + wait.toSeconds() + " s; see " + options.workDir().resolve("monitor-scale.log"));
            }
            double seconds = MonitorScrape.value(metrics, "vault_pki_refresh_duration_seconds_sum");
            double exported = MonitorScrape.value(metrics, "vault_pki_certificates{");
            long rssBefore = monitor.rssKiB();
            double peakMiB = monitor.peakRssKiB() / 1024.0;
            long[] memory = monitor.memoryAfterGc();
            double rssMiB = memory[0] / 1024.0;
            long requests = emu.requests().all().size();
            report.row("refresh.scale", "monitor application, first refresh of " + count + " stored leaves, 5 ms, "
                            + "defaults",
                    Report.fmt(seconds) + " s; RSS " + Report.fmt(rssMiB) + " MiB after it and a GC (heap used "
                            + Report.fmt(memory[1] / 1048576.0) + " MiB)",
                    requests + " Vault requests, at most " + emu.requests().maxConcurrent() + " in flight; RSS before "
                            + "the GC " + Report.fmt(rssBefore / 1024.0) + " MiB, peak (VmHWM) " + Report.fmt(peakMiB)
                            + " MiB; " + Report.fmt(exported) + " certificates counted by vault_pki_certificates; "
                            + "the images' JVM flags under a simulated " + ChildApp.SIMULATED_LIMIT_MIB + " MiB limit"
                            + (extra.isBlank() ? "" : ", plus " + extra));
            report.target("target.scale", "issue 12 #5: first refresh of " + count + " stored leaves at 5 ms, "
                    + "defaults", seconds, LIMIT_SECONDS, "s", "requests × 5 ms ÷ 8 in flight is "
                    + Report.fmt(requests * 0.005 / 8) + " s; the rest is the monitor's and the emulator's CPU per "
                    + "request on 2 shared cores");
            report.target("target.scale.memory", "issue 12 #5: monitor peak RSS (VmHWM) during the refresh of "
                    + count + " leaves within the charts' " + ChildApp.SIMULATED_LIMIT_MIB + " MiB container limit",
                    peakMiB, ChildApp.SIMULATED_LIMIT_MIB, "MiB", "the leaves (about 225 bytes each) on top of the "
                    + "JVM's own memory; give the container more for this many leaves");
            report.target("target.scale.rest", "… and its RSS after the refresh and a GC within issue 12 #4's "
                    + "at-rest target", rssMiB, LIMIT_RSS_MIB, "MiB", "the JVM's own memory, as in the at-rest row "
                    + "(docs/benchmark.md, \"Memory\"), plus " + Report.fmt(memory[1] / 1048576.0)
                    + " MiB of heap in use after a GC and the heap the refresh grew into");
        } finally {
            emu.faults().clear();
        }
    }
}

package io.vaultpki.bench;

import io.vaultpki.emulator.VaultEmulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the apps cost to keep and to start, run as the images run them (their {@code jvm.options}, the charts'
 * 192 MiB limit): the monitor's memory after a full refresh of issuers and leaves, each app's {@code java -jar} to
 * {@code /health/liveness} with and without the class archive the images carry, and the exporter's restart with many
 * exports on disk ({@link ExporterRestart}).
 */
final class FootprintBench {

    static final String EXPORTER_MAIN = "io.vaultpki.exporter.Application";
    static final int ISSUERS_PER_MOUNT = Seeds.ISSUERS_PER_MOUNT;
    private static final double MIB = 1024.0;

    private final Bench.Options options;
    private final Report report;
    private final int mounts;
    private final int leaves;
    private final int starts;

    FootprintBench(Bench.Options options, Report report) {
        this.options = options;
        this.report = report;
        this.mounts = options.quick() ? 2 : 50;
        this.leaves = options.quick() ? 400 : 10_000;
        this.starts = options.quick() ? 1 : 5;
    }

    void run() {
        try (VaultEmulator emu = VaultEmulator.builder().requestLogLimit(100_000).start()) {
            seed(emu);
            Map<String, String> token = Map.of("VAULT_TOKEN", emu.rootToken());
            ClassArchive monitorArchive = ClassArchive.train("monitor", options.monitorJar(),
                    monitorProperties(emu, "fp-m0"), token, options.workDir());
            monitorMemory(emu, monitorArchive);
            startUp("monitor", options.monitorJar(), monitorProperties(emu, "fp-m0"), token, monitorArchive);
            Map<String, String> exporterProperties = ExporterRestart.properties(emu,
                    options.workDir().resolve("startup-exports"), null);
            ClassArchive exporterArchive = ClassArchive.train("exporter", options.exporterJar(), exporterProperties,
                    token, options.workDir());
            startUp("exporter", options.exporterJar(), exporterProperties, token, exporterArchive);
            new ExporterRestart(options, report, emu).run(exporterArchive);
        }
    }

    private void seed(VaultEmulator emu) {
        long started = System.nanoTime();
        Seeds.issuerMounts(emu, "fp-m", mounts, "Footprint");
        Seeds.leafMount(emu, "fp-leaves", leaves, "Footprint");
        Seeds.exportMounts(emu, "Restart");
        Bench.progress("footprint: seeded the emulator in " + Report.fmt((System.nanoTime() - started) / 1e9) + " s");
    }

    private static Map<String, String> monitorProperties(VaultEmulator emu, String include) {
        Map<String, String> props = new HashMap<>();
        props.put("vault.address", emu.url().toString());
        props.put("vault.auth.method", "token");
        props.put("vault.allow-root-token", "true");
        props.put("monitor.mounts.include", include);
        props.put("monitor.refresh.interval", "1h");
        props.put("monitor.refresh.max-requests-per-second", "1000000");
        return props;
    }

    /**
     * The monitor, started as the image starts it (its flags and class archive, {@code -jar}), after its first full
     * refresh of every issuer and leaf, one scrape and a GC (which shrinks the heap to its data): the RSS it keeps at
     * rest, how much of it is mapped files, and its peak on the way there.
     */
    private void monitorMemory(VaultEmulator emu, ClassArchive archive) {
        int issuers = mounts * ISSUERS_PER_MOUNT + 1;
        try (ChildApp monitor = ChildApp.start("monitor-memory", options.monitorJar(), null,
                monitorProperties(emu, "fp-*"), Map.of("VAULT_TOKEN", emu.rootToken()), options.workDir(),
                "/health/liveness", Duration.ofSeconds(60), new ChildApp.Launch(archive.jvmArgs(), true))) {
            URI metrics = monitor.url.resolve("/metrics");
            if (!Poll.until(() -> MonitorScrape.refreshCount(metrics) >= 1, Duration.ofSeconds(300), Duration.ofMillis(200))) {
                throw new IllegalStateException("the monitor never completed a refresh; see "
                        + options.workDir().resolve("monitor-memory.log"));
            }
            long afterRefresh = monitor.rssKiB();
            long series = MonitorScrape.text(metrics).lines().filter(l -> l.startsWith("vault_issuer_validity_seconds{")).count();
            long[] gc = monitor.memoryAfterGc();
            Poll.pause(Duration.ofSeconds(1));
            double rest = monitor.rssKiB() / MIB;
            long[] split = monitor.rssSplitKiB();
            double peak = monitor.peakRssKiB() / MIB;
            String complete = series >= issuers ? "" : "; INCOMPLETE: " + series + "/" + issuers + " issuers exported";
            report.row("memory.monitor", "monitor memory at rest after a full refresh of " + String.format("%,d", issuers)
                            + " issuers and " + String.format("%,d", leaves) + " leaf certificates",
                    "RSS " + Report.fmt(rest) + " MiB, heap used " + Report.fmt(gc[1] / MIB / MIB) + " MiB",
                    "of which " + Report.fmt(split[0] / MIB) + " MiB anonymous and " + Report.fmt(split[1] / MIB)
                            + " MiB mapped files (the JVM's libraries, the class archives); right after the refresh "
                            + Report.fmt(afterRefresh / MIB) + " MiB; peak (VmHWM) "
                            + Report.fmt(peak) + " MiB over start, refresh, one scrape; " + monitor.threads()
                            + " threads (" + gc[2] + " Java); after a GC (jcmd GC.run); as the image starts it (its "
                            + "class archive); " + imageFlags() + complete);
            report.target("target.memory", "monitor RSS ≤ 128 MiB at rest after a full refresh of "
                            + String.format("%,d", issuers) + " issuers + " + String.format("%,d", leaves)
                            + " leaves (images' flags, 192 MiB limit)", rest, 128, "MiB",
                    "the JVM's own memory bounds it: about 9,900 loaded classes (their metadata ≈ 44 MiB, symbols "
                            + "≈ 9 MiB, the JDK's class archive ≈ 12 MiB), compiled code ≈ 12 MiB, threads ≈ 6 MiB and the "
                            + "JVM's libraries (≈ 27 MiB mapped) come before the heap; see docs/benchmark.md, \"Memory\"");
            report.target("target.memory.peak", "monitor peak RSS (VmHWM) within the container limit ("
                    + ChildApp.SIMULATED_LIMIT_MIB + " MiB), so the default limit does not OOM-kill it", peak,
                    ChildApp.SIMULATED_LIMIT_MIB, "MiB", "transient heap and C heap of the refresh and the scrape "
                            + "on top of the JVM's own ≈ 105 MiB");
        }
    }

    /**
     * {@code java -jar} to {@code /health/liveness}: {@link #starts} times without and with the class archive.
     */
    private void startUp(String app, java.nio.file.Path jar, Map<String, String> properties,
                         Map<String, String> environment, ClassArchive archive) {
        List<double[]> plain = new ArrayList<>();
        List<double[]> shared = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            // alternated, so that a change in the machine's load hits both alike
            plain.add(start(app, jar, properties, environment, List.of()));
            shared.add(start(app, jar, properties, environment, archive.jvmArgs()));
        }
        double[] wall = Load.sorted(plain.stream().map(t -> t[0]).toList());
        double[] cpu = Load.sorted(plain.stream().map(t -> t[1]).toList());
        double[] wallCds = Load.sorted(shared.stream().map(t -> t[0]).toList());
        double[] cpuCds = Load.sorted(shared.stream().map(t -> t[1]).toList());
        String what = app + " `java -jar` to `/health/liveness`";
        report.row("startup." + app, what + ", without class-data sharing", times(wall),
                "CPU " + Report.fmt(median(cpu)) + " s of the child (median of " + starts + "); " + imageFlags());
        report.row("startup." + app + ".cds", what + " with the image's AppCDS archive", times(wallCds),
                "CPU " + Report.fmt(median(cpuCds)) + " s (" + Report.fmt(median(cpu) / median(cpuCds))
                        + "× less than without); archive " + Report.fmt(archive.bytes() / MIB / MIB)
                        + " MiB, trained as the Dockerfile does (one start to its health check)");
        report.target("target.startup." + app, app + " `java -jar` to `/health/liveness` ≤ 1.5 s, as the image "
                + "starts it (AppCDS)", median(wallCds), 1.5, "s", "start-up is CPU-bound ("
                + Report.fmt(median(cpuCds)) + " s of CPU here) and shares 2 cores with the rest of the machine "
                + "(load average " + Bench.loadAverage() + ")");
    }

    private double[] start(String app, java.nio.file.Path jar, Map<String, String> properties,
                           Map<String, String> environment, List<String> jvmArgs) {
        try (ChildApp child = ChildApp.start(app + "-startup", jar, null, properties, environment, options.workDir(),
                "/health/liveness", Duration.ofSeconds(60), new ChildApp.Launch(jvmArgs, true))) {
            return new double[] {child.readySeconds(), child.readyCpuSeconds()};
        }
    }

    private static String times(double[] sorted) {
        return "median " + Report.fmt(median(sorted)) + " s"
                + (sorted.length > 1 ? " (" + Report.fmt(sorted[0]) + " to " + Report.fmt(sorted[sorted.length - 1])
                + " s)" : "");
    }

    private static double median(double[] sorted) {
        return Load.percentile(sorted, 50);
    }

    static String imageFlags() {
        return "the images' JVM flags (target/jvm.options) under a simulated " + ChildApp.SIMULATED_LIMIT_MIB
                + " MiB limit (-XX:MaxRAM=" + ChildApp.SIMULATED_LIMIT_MIB + "m)";
    }
}

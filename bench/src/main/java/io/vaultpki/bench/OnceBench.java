package io.vaultpki.bench;

import io.vaultpki.emulator.VaultEmulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar vault-pki-exporter-all.jar --once} with one export whose files are valid and not due, as an init
 * container or a cron job runs it (the images' flags, with and without the class archive the image carries): the
 * time from starting the process to its exit (the JDK cannot tell an exited child's CPU time, so there is no CPU
 * column), and the Vault requests it made (none is needed). The export is issued by one first {@code --once} run,
 * which is not timed.
 */
final class OnceBench {

    private final Bench.Options options;
    private final Report report;
    private final int runs;

    OnceBench(Bench.Options options, Report report) {
        this.options = options;
        this.report = report;
        this.runs = options.quick() ? 1 : 5;
    }

    void run() {
        try (VaultEmulator emu = VaultEmulator.builder().start()) {
            Seeds.exportMounts(emu, "Once");
            Path root = options.workDir().resolve("once-exports");
            Bench.deleteTree(root); // a reused --work-dir must not start with the previous run's files
            Map<String, String> props = new java.util.HashMap<>(ExporterRestart.properties(emu, root, null));
            props.put("exporter.exports.web.source", "issue");
            props.put("exporter.exports.web.role", "web");
            props.put("exporter.exports.web.common-name", "once.example.com");
            Map<String, String> env = Map.of("VAULT_TOKEN", emu.rootToken());
            double[] first = once(props, env, List.of(), "exporter-once-first");
            Bench.progress("once: issued the export in " + Report.fmt(first[0]) + " s");
            ClassArchive archive = ClassArchive.train("exporter-once", options.exporterJar(), props, env,
                    options.workDir());
            emu.requests().clear();
            List<double[]> plain = new ArrayList<>();
            List<double[]> shared = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // alternated, so that a change in the machine's load hits both alike
                plain.add(once(props, env, List.of(), "exporter-once"));
                shared.add(once(props, env, archive.jvmArgs(), "exporter-once-cds"));
            }
            long requests = emu.requests().all().size();
            double[] wall = Load.sorted(plain.stream().map(t -> t[0]).toList());
            double[] wallCds = Load.sorted(shared.stream().map(t -> t[0]).toList());
            String what = "exporter `--once`, one up-to-date export: `java -jar` to exit";
            report.row("once.exit", what + ", without class-data sharing", times(wall) + ", " + requests
                            + " Vault requests in " + (2 * runs) + " runs",
                    "exit status 0 each time (median of " + runs + "); no HTTP server is started; load average "
                            + Bench.loadAverage() + "; " + FootprintBench.imageFlags());
            report.row("once.exit.cds", what + " with the image's AppCDS archive", times(wallCds),
                    "the archive is the service's (trained to its health "
                            + "check, as the Dockerfile does), which holds the classes --once loads");
            report.target("target.once.vault", "exporter `--once` over files that are valid and not due asks Vault "
                    + "nothing", requests, 0, "requests", "the plan is made from the files' metadata alone; the Vault "
                    + "client logs in on its first request only");
        }
    }

    /** One {@code --once} run to its exit: wall seconds; fails unless it exits 0. */
    private double[] once(Map<String, String> properties, Map<String, String> environment, List<String> jvmArgs,
                          String name) {
        Path jar = options.exporterJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (./mvnw -B -q -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ImageJvmOptions.of(jar));
        command.add("-XX:MaxRAM=" + ChildApp.SIMULATED_LIMIT_MIB + "m");
        command.addAll(jvmArgs);
        command.add("-Djava.io.tmpdir=" + options.workDir());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        command.add("--once");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(options.workDir().resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("VAULT_") || k.startsWith("EXPORTER_")
                || k.equals("CERT_EXPORT_PATH") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not exit within 120 s; see " + name + ".log");
            }
            double wall = (System.nanoTime() - started) / 1e9;
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + options.workDir().resolve(name + ".log"));
            }
            return new double[] {wall};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
}

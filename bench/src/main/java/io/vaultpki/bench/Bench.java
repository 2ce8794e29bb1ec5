package io.vaultpki.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code java -jar bench/target/vault-pki-bench.jar [--quick] [--only PARTS] [--work-dir DIR] [--monitor-jar JAR]
 * [--exporter-jar JAR]}: runs the monitor and exporter benchmarks of docs/benchmark.md against the in-process Vault
 * emulator and prints one Markdown table of measurements and one of the targets. Progress goes to stderr,
 * the tables to stdout. {@code --only refresh,scrape} runs some parts (targeted or what-if runs, e.g. with another
 * {@code jvm.options} beside a copied jar); the README's table is always a full run.
 */
public final class Bench {

    /**
     * @param quick       seconds-long smoke run with smaller sizes
     * @param workDir     child JVM logs, export files, the AppRole secret file
     * @param monitorJar  vault-pki-monitor-all.jar
     * @param exporterJar vault-pki-exporter-all.jar
     * @param parts       the parts to run (all of them unless {@code --only} names some)
     */
    record Options(boolean quick, Path workDir, Path monitorJar, Path exporterJar, Set<Part> parts) {
        Options(boolean quick, Path workDir, Path monitorJar, Path exporterJar) {
            this(quick, workDir, monitorJar, exporterJar, EnumSet.allOf(Part.class));
        }
    }

    /** The bench's parts, in the order they run; {@code --only} takes their lower-case names. */
    enum Part {
        /** the monitor's refresh rows (in process and the scale run) and its logins */
        REFRESH,
        /** the monitor application's {@code /metrics} under load */
        SCRAPE,
        /** the exporter's API, issuance and renewal rows */
        EXPORTER,
        /** memory at rest, start-up and the exporter's restart, as the images run the apps */
        FOOTPRINT,
        /** the exporter's one-shot run ({@code --once}) over one up-to-date export: time to exit */
        ONCE;

        static Set<Part> parse(String names) {
            Set<Part> parts = EnumSet.noneOf(Part.class);
            for (String name : names.split(",")) {
                try {
                    parts.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--only: unknown part '" + name.trim() + "'; the parts are "
                            + Arrays.toString(values()).toLowerCase(Locale.ROOT));
                }
            }
            return parts;
        }
    }

    private static PrintStream progress = System.err;
    private static long startedNanos = System.nanoTime();

    private Bench() {
    }

    public static void main(String[] args) {
        boolean quick = false;
        Set<Part> parts = EnumSet.allOf(Part.class);
        Path workDir = null;
        Path monitorJar = defaultJar("bench.monitor.jar", "monitor/target/vault-pki-monitor-all.jar");
        Path exporterJar = defaultJar("bench.exporter.jar", "exporter/target/vault-pki-exporter-all.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    try {
                        parts = Part.parse(args[++i]);
                    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                        System.err.println(e instanceof IllegalArgumentException ? e.getMessage()
                                : "--only needs a list of parts (try --help)");
                        System.exit(2);
                    }
                }
                case "--work-dir" -> workDir = Path.of(args[++i]);
                case "--monitor-jar" -> monitorJar = Path.of(args[++i]);
                case "--exporter-jar" -> exporterJar = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: java -jar bench/target/vault-pki-bench.jar [--quick] [--only PARTS] "
                            + "[--work-dir DIR] [--monitor-jar JAR] [--exporter-jar JAR]\n"
                            + "PARTS: a comma-separated list of " + Arrays.toString(Part.values())
                            .toLowerCase(Locale.ROOT) + " (default: all)");
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        boolean temporary = workDir == null;
        try {
            Path dir = temporary ? Files.createTempDirectory("vault-pki-bench") : Files.createDirectories(workDir);
            try {
                Report report = run(new Options(quick, dir, monitorJar, exporterJar, parts), System.err);
                report.print(System.out, header(quick, parts));
            } finally {
                if (temporary) {
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.exit(0);
    }

    /** Runs every section and returns the report; {@code progressOut} receives each row as it is measured. */
    static Report run(Options given, PrintStream progressOut) {
        // the apps require absolute paths (exporter.path)
        Options options = new Options(given.quick(), given.workDir().toAbsolutePath(),
                given.monitorJar().toAbsolutePath(), given.exporterJar().toAbsolutePath(), given.parts());
        progress = progressOut;
        startedNanos = System.nanoTime();
        Report report = new Report(progressOut);
        long started = System.nanoTime();
        progress("vault-pki bench" + (options.quick() ? " (quick)" : "") + ", load average " + loadAverage()
                + ": monitor");
        if (options.parts().contains(Part.REFRESH)) {
            new MonitorBench(options, report).run();
        }
        if (options.parts().contains(Part.SCRAPE)) {
            new ScrapeBench(options, report).run();
        }
        if (options.parts().contains(Part.EXPORTER)) {
            progress("exporter");
            new ExporterBench(options, report).run();
        }
        if (options.parts().contains(Part.FOOTPRINT)) {
            new FootprintBench(options, report).run();
        }
        if (options.parts().contains(Part.ONCE)) {
            new OnceBench(options, report).run();
        }
        progress("done in " + Report.fmt((System.nanoTime() - started) / 1e9) + " s");
        return report;
    }

    static String header(boolean quick) {
        return header(quick, EnumSet.allOf(Part.class));
    }

    static String header(boolean quick, Set<Part> parts) {
        Runtime rt = Runtime.getRuntime();
        String only = parts.containsAll(EnumSet.allOf(Part.class)) ? ""
                : " --only " + parts.stream().map(p -> p.name().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(","));
        return "vault-pki bench" + (quick ? " --quick (smaller sizes: not the documented numbers)" : "") + only + " — "
                + rt.availableProcessors() + " CPUs, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch").toLowerCase(Locale.ROOT)
                + ", load average at the end " + loadAverage();
    }

    /** The 1, 5 and 15 minute load averages (other processes share the CPUs), or "n/a" without /proc. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Seconds since the run started, for the progress lines. */
    static String elapsed() {
        return Report.fmt((System.nanoTime() - startedNanos) / 1e9) + " s";
    }

    static void progress(String message) {
        progress.println("[" + elapsed() + "] " + message);
        progress.flush();
    }

    /** The system property, else the path relative to the checkout the bench jar was built in. */
    private static Path defaultJar(String property, String relative) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path self = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // bench/target/vault-pki-bench.jar (or bench/target/classes) -> the checkout
            Path checkout = self.getParent().getParent().getParent();
            return checkout.resolve(relative);
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(relative);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            progress("could not delete " + dir + ": " + e.getMessage());
        }
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}

package io.vaultpki.deploy.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names the two apps expose, collected from where they are defined: the monitor's docs/metrics.md
 * table, the exporter's API doc and the exporter's metrics code (Micrometer adds {@code _total} to counters and
 * {@code _seconds_*} to timers; info families get {@code _info}; a plain {@code Gauge.builder} keeps its name).
 */
final class KnownMetrics {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z_:]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern API_TABLE_ROW = Pattern.compile("^\\| `(vault_pki_exporter_[a-z_]+)` \\|", Pattern.MULTILINE);
    private static final Pattern COUNTER = Pattern.compile("Counter\\.builder\\(\"([a-z_.]+)\"\\)");
    private static final Pattern TIMER = Pattern.compile("Timer\\.builder\\(\"([a-z_.]+)\"\\)");
    private static final Pattern GAUGE = Pattern.compile("GaugeFamily\\.gauge\\(\"([a-z_]+)\"");
    private static final Pattern GAUGE_BUILDER = Pattern.compile("Gauge\\.builder\\(\"([a-z_]+)\"");
    private static final Pattern INFO = Pattern.compile("GaugeFamily\\.info\\(\"([a-z_]+)\"");

    private KnownMetrics() {
    }

    static Set<String> all(Path root) {
        Set<String> names = new TreeSet<>();
        String metricsDoc = read(root.resolve("docs/metrics.md"));
        int glance = metricsDoc.indexOf("## At a glance");
        // only the "At a glance" table lists metrics; the tables after it list labels and reasons
        Matcher monitor = TABLE_ROW.matcher(metricsDoc.substring(glance, metricsDoc.indexOf("\n## ", glance + 1)));
        while (monitor.find()) {
            String name = monitor.group(1);
            if (monitor.group(2).strip().equals("histogram")) {
                names.add(name + "_bucket");
                names.add(name + "_sum");
                names.add(name + "_count");
            } else {
                names.add(name);
            }
        }
        Matcher api = API_TABLE_ROW.matcher(read(root.resolve("docs/exporter-api.md")));
        while (api.find()) {
            names.add(api.group(1));
        }
        try (Stream<Path> sources = Files.list(root.resolve("exporter/src/main/java/io/vaultpki/exporter/metrics"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = read(source);
                collect(COUNTER, code, name -> names.add(name + "_total"));
                collect(TIMER, code, name -> {
                    names.add(name + "_seconds_bucket");
                    names.add(name + "_seconds_sum");
                    names.add(name + "_seconds_count");
                    names.add(name + "_seconds_max");
                });
                collect(GAUGE, code, names::add);
                collect(GAUGE_BUILDER, code, names::add);
                collect(INFO, code, name -> names.add(name + "_info"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void collect(Pattern pattern, String code, java.util.function.Consumer<String> sink) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            sink.accept(m.group(1).replace('.', '_'));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

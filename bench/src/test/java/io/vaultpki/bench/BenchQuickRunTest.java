package io.vaultpki.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented bench command cannot rot silently: its quick mode runs end to end (emulator, in-process refresh,
 * the monitor and exporter jars as child JVMs) and its table has every row and every target of issue 6, each with a
 * number and a verdict.
 */
class BenchQuickRunTest {

    private static final List<String> ROWS = List.of(
            "refresh.issuers.0.0ms", "refresh.issuers.1.0ms", "refresh.issuers.0.5ms", "refresh.issuers.1.5ms",
            "refresh.leaves.0.0ms", "refresh.leaves.0.5ms", "refresh.steady.ims", "refresh.steady.fallback",
            "refresh.ceiling", "refresh.scale", "refresh.health-checks",
            "metrics.body", "metrics.single", "metrics.latency", "metrics.latency.identity", "metrics.latency.waiting",
            "metrics.throughput", "logins",
            "exporter.issue.0ms", "exporter.issue.5ms", "exporter.api.list", "exporter.api.download",
            "exporter.renewal",
            "memory.monitor", "startup.monitor", "startup.monitor.cds", "startup.exporter", "startup.exporter.cds",
            "exporter.restart", "memory.exporter", "once.exit", "once.exit.cds");
    private static final List<String> TARGETS = List.of("target.refresh", "target.metrics", "target.metrics.waiting", "target.logins",
            "target.memory", "target.memory.peak", "target.scrape", "target.first-data", "target.vault-concurrency",
            "target.no-double-read", "target.steady-requests", "target.steady-requests.fallback", "target.scale",
            "target.scale.memory", "target.scale.rest", "target.startup.monitor", "target.startup.exporter", "target.restart",
            "target.restart.vault", "target.once.vault");

    @TempDir
    Path work;

    @Test
    void quickModePrintsEveryMeasurementAndEveryTargetWithAVerdict() {
        Bench.Options options = new Bench.Options(true, work, Path.of(System.getProperty("bench.monitor.jar")),
                Path.of(System.getProperty("bench.exporter.jar")));
        Report report = Bench.run(options, System.err);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8), Bench.header(true));
        String printed = table.toString(StandardCharsets.UTF_8);

        assertThat(report.rows).extracting(Report.Row::id).containsExactlyInAnyOrderElementsOf(ROWS);
        assertThat(report.targets).extracting(Report.Target::id).containsExactlyInAnyOrderElementsOf(TARGETS);
        assertThat(report.rows).allSatisfy(row -> {
            assertThat(row.result()).as(row.id()).containsPattern("\\d").doesNotContain("n/a");
            assertThat(row.notes()).as(row.id()).doesNotContain("INCOMPLETE");
            assertThat(printed).contains("| " + row.measurement() + " | " + row.result() + " |");
        });
        assertThat(report.targets).allSatisfy(target -> {
            assertThat(target.verdict()).as(target.id()).isIn("met", "missed");
            assertThat(printed).contains("| " + target.target() + " | " + target.measured() + " | **");
        });
    }
}

package io.vaultpki.monitor.metrics.exposition;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BodyTest {

    private static Piece text(String s) {
        return Piece.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theGzipFormIsOneMemberThatDecodesToTheIdentityForm() throws IOException {
        Body body = new Body(ExpositionFormat.PROMETHEUS_TEXT, List.of(text("# TYPE a gauge\na 1.0\n"),
                Piece.EMPTY, text("# TYPE b gauge\nb{x=\"é\"} 2.0\n")));

        assertThat(new String(body.identity(), StandardCharsets.UTF_8))
                .isEqualTo("# TYPE a gauge\na 1.0\n# TYPE b gauge\nb{x=\"é\"} 2.0\n");
        assertThat(gunzip(body.gzip())).isEqualTo(body.identity());
        assertThat(body.gzip()).startsWith(0x1f, 0x8b);
    }

    @Test
    void largeAndIncompressiblePiecesSurviveTheJoin() throws IOException {
        byte[] noise = new byte[300_000];
        new Random(42).nextBytes(noise);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            lines.append("vault_pki_crl_number{engine=\"pki/\",issuer=\"").append(i).append("\"} ").append(i)
                    .append(".0\n");
        }
        Body body = new Body(ExpositionFormat.PROMETHEUS_TEXT, List.of(text(lines.toString()), Piece.of(noise),
                text(lines.toString())));

        assertThat(gunzip(body.gzip())).isEqualTo(body.identity());
        assertThat(body.identity()).hasSize(2 * lines.length() + noise.length);
    }

    @Test
    void gnuGzipAcceptsTheJoinedMemberToo() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/gzip")) || Files.isExecutable(Path.of("/usr/bin/gzip")),
                "gzip is not installed");
        List<Piece> pieces = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            pieces.add(text(("series_" + p + "{engine=\"pki/\"} 1.0\n").repeat(500)));
        }
        Body body = new Body(ExpositionFormat.OPENMETRICS, pieces);
        Path file = Files.createTempFile("body", ".gz");
        try {
            Files.write(file, body.gzip());
            Process gzip = new ProcessBuilder("gzip", "-dc", file.toString()).start();
            byte[] decoded = gzip.getInputStream().readAllBytes();
            assertThat(gzip.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(gzip.exitValue()).isZero();
            assertThat(decoded).isEqualTo(body.identity());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anOpenMetricsBodyEndsWithExactlyOneEof() throws IOException {
        MetricSnapshots families = new MetricSnapshots(GaugeSnapshot.builder().name("a").help("A.")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).labels(Labels.EMPTY).build())
                .build());
        Piece rendered = ExpositionFormat.OPENMETRICS.render(families);
        Body body = new Body(ExpositionFormat.OPENMETRICS, List.of(rendered, rendered));
        String text = new String(body.identity(), StandardCharsets.UTF_8);

        assertThat(new String(rendered.raw(), StandardCharsets.UTF_8)).doesNotContain("# EOF");
        assertThat(text).endsWith("\n# EOF\n").containsOnlyOnce("# EOF");
        assertThat(new String(gunzip(body.gzip()), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aPrometheusTextBodyHasNoEofAndAnEmptyBodyIsEmpty() throws IOException {
        Body empty = new Body(ExpositionFormat.PROMETHEUS_TEXT, List.of());

        assertThat(empty.identity()).isEmpty();
        assertThat(gunzip(empty.gzip())).isEmpty();
        assertThat(new String(new Body(ExpositionFormat.OPENMETRICS, List.of()).identity(), StandardCharsets.UTF_8))
                .isEqualTo("# EOF\n");
    }

    @Test
    void textWrittenByMicrometerLosesItsEofOnlyInOpenMetrics() {
        byte[] written = "# TYPE a gauge\na 1\n# EOF\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ExpositionFormat.OPENMETRICS.piece(written).raw()).asString(StandardCharsets.UTF_8)
                .isEqualTo("# TYPE a gauge\na 1\n");
        assertThat(ExpositionFormat.PROMETHEUS_TEXT.piece(written).raw()).isEqualTo(written);
    }

    @Test
    void encodingsAreBuiltOnceAndShared() {
        Body body = new Body(ExpositionFormat.PROMETHEUS_TEXT, List.of(text("a 1.0\n")));

        assertThat(body.gzip()).isSameAs(body.gzip());
        assertThat(body.identity()).isSameAs(body.identity());
    }
}

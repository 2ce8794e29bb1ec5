package io.vaultpki.monitor.metrics.exposition;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two text formats a scrape can be answered in. Both are written by client_java's own writers (the ones
 * Micrometer's registry uses), so a cached piece is byte for byte what a fresh scrape would have printed.
 */
public enum ExpositionFormat {

    /** The Prometheus text format 0.0.4: what any scraper understands. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8", new PrometheusTextFormatWriter(false)),

    /** OpenMetrics 1.0: a body ends with one {@code # EOF} line, so pieces are written without it. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8",
            new OpenMetricsTextFormatWriter(false, false));

    private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final String contentType;
    private final ExpositionFormatWriter writer;

    ExpositionFormat(String contentType, ExpositionFormatWriter writer) {
        this.contentType = contentType;
        this.writer = writer;
    }

    /** The {@code Content-Type} of a body in this format. */
    public String contentType() {
        return contentType;
    }

    /** {@code families} as one piece of a body: no {@code # EOF}, which only the whole body carries. */
    public Piece render(MetricSnapshots families) {
        if (!families.iterator().hasNext()) {
            return Piece.EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, families);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return piece(out.toByteArray());
    }

    /**
     * Text already written in this format (by Micrometer's registry, say) as a piece: its {@code # EOF}, if any, is
     * cut off.
     */
    public Piece piece(byte[] written) {
        boolean terminated = this == OPENMETRICS && written.length >= EOF.length
                && Arrays.equals(written, written.length - EOF.length, written.length, EOF, 0, EOF.length);
        return Piece.of(terminated ? Arrays.copyOf(written, written.length - EOF.length) : written);
    }

    /** What closes a body: {@code # EOF} in OpenMetrics, nothing in the Prometheus text format. */
    public Piece terminator() {
        return this == OPENMETRICS ? Piece.of(EOF) : Piece.EMPTY;
    }
}

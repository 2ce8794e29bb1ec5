package io.vaultpki.monitor.metrics.exposition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.vaultpki.monitor.metrics.exposition.ExpositionFormat.OPENMETRICS;
import static io.vaultpki.monitor.metrics.exposition.ExpositionFormat.PROMETHEUS_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

class NegotiationTest {

    /** What Prometheus 2.x sends by default (scrape_protocols OpenMetricsText1.0.0, ...; gzip always). */
    static final String PROMETHEUS_2_ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    /** What Prometheus 3.x sends by default. */
    static final String PROMETHEUS_3_ACCEPT = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,"
            + "text/plain;version=0.0.4;q=0.2,*/*;q=0.1";

    @Test
    void prometheusGetsOpenMetricsInGzip() {
        assertThat(Negotiation.of(PROMETHEUS_2_ACCEPT, "gzip")).isEqualTo(new Negotiation(OPENMETRICS, true));
        assertThat(Negotiation.of(PROMETHEUS_3_ACCEPT, "gzip")).isEqualTo(new Negotiation(OPENMETRICS, true));
    }

    @Test
    void withoutHeadersTheAnswerIsPlainPrometheusText() {
        assertThat(Negotiation.of(null, null)).isEqualTo(new Negotiation(PROMETHEUS_TEXT, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/plain                                          | PROMETHEUS_TEXT",
            "text/plain;version=0.0.4                            | PROMETHEUS_TEXT",
            "*/*                                                 | PROMETHEUS_TEXT",
            "application/openmetrics-text                        | OPENMETRICS",
            "Application/OpenMetrics-Text; version=1.0.0         | OPENMETRICS",
            "text/plain, application/openmetrics-text;q=0.1      | OPENMETRICS",
            "application/openmetrics-text;q=0, text/plain        | PROMETHEUS_TEXT",
            "application/openmetrics-text;q=nonsense             | PROMETHEUS_TEXT",
            "application/openmetrics-text;q=2                    | PROMETHEUS_TEXT",
            "application/openmetrics-textual                     | PROMETHEUS_TEXT",
            "';;;,,,=q;'                                         | PROMETHEUS_TEXT"})
    void theFormatFollowsAccept(String accept, ExpositionFormat expected) {
        assertThat(Negotiation.of(accept, null).format()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gzip                        | true",
            "GZIP                        | true",
            "x-gzip                      | true",
            "gzip;q=0.5, identity        | true",
            "deflate, gzip               | true",
            "*                           | true",
            "*;q=0.1                     | true",
            "gzip;q=0                    | false",
            "gzip;q=0, *                 | false",
            "*;q=0                       | false",
            "identity                    | false",
            "br, zstd                    | false",
            "gzipped                     | false",
            "gzip;q=NaN                  | false",
            "gzip;q=-1                   | false",
            "'gzip;q'                    | true",
            "';q=;,=,'                   | false"})
    void gzipOnlyWhenAcceptEncodingAllowsIt(String acceptEncoding, boolean gzip) {
        assertThat(Negotiation.of(null, acceptEncoding).gzip()).isEqualTo(gzip);
    }

    @Test
    void anOversizedOrHostileHeaderIsReadWithoutFailing() {
        String huge = ", x;q=1".repeat(10_000) + ", gzip";
        assertThat(Negotiation.of(huge, huge)).isEqualTo(new Negotiation(PROMETHEUS_TEXT, true));
        assertThat(Negotiation.of("\u0000\uFFFF;q=\u00e9", "\u0000;q=1e999")).isEqualTo(
                new Negotiation(PROMETHEUS_TEXT, false));
    }
}

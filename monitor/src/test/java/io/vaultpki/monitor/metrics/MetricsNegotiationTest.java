package io.vaultpki.monitor.metrics;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.leaf;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} over real HTTP, read byte for byte (the JDK client does not decompress): both formats, gzip and
 * identity, values exact at scrape time, a new snapshot served at once, Micrometer's own meters present.
 */
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1")
class MetricsNegotiationTest {

    private static final String ISSUER = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String OTHER = "0b1b2c3d-0000-4000-8000-000000000002";
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

    @Inject
    EmbeddedServer server;

    @Inject
    SnapshotHolder holder;

    private final HttpClient http = HttpClient.newHttpClient();
    private PkiSnapshot before;
    private Instant notAfter;

    @BeforeEach
    void putASnapshotInPlace() {
        before = holder.current();
        notAfter = Instant.now().plus(Duration.ofDays(40)).plusMillis(500);
        holder.replace(snapshot(engine("pki/", List.of(issuer(ISSUER, "root", notAfter)), List.of(),
                List.of(leaf("01:02", "a.example.com", notAfter.minus(Duration.ofDays(37)))), true)));
    }

    @AfterEach
    void restore() {
        holder.replace(before);
    }

    private HttpResponse<byte[]> get(String accept, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/metrics"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String text(HttpResponse<byte[]> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
        if (!gzip) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void prometheusOwnHeadersGetGzippedOpenMetricsEndingWithEof() throws Exception {
        HttpResponse<byte[]> response = get(PROMETHEUS_ACCEPT, "gzip");
        String body = text(response);

        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text; version=1.0.0"));
        assertThat(response.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(body).endsWith("\n# EOF\n").containsOnlyOnce("# EOF").contains("# TYPE vault_pki_issuer info");
        assertThat(response.body().length).isLessThan(body.length() / 3);
    }

    @Test
    void withoutAcceptEncodingTheTextIsNotCompressed() throws Exception {
        HttpResponse<byte[]> response = get("text/plain", null);

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(text(response)).contains("vault_issuer_validity_seconds{").doesNotContain("# EOF");
    }

    @Test
    void gzipAndIdentityCarryTheSameSeries() throws Exception {
        Scrape identity = Scrape.parse(text(get("text/plain", "identity")));
        Scrape gzip = Scrape.parse(text(get("text/plain", "gzip, deflate")));

        assertThat(gzip.family("vault_pki_issuer_info")).isEqualTo(identity.family("vault_pki_issuer_info"));
        assertThat(gzip.types().keySet()).containsAll(identity.types().keySet().stream()
                .filter(name -> name.startsWith("vault_pki_") && !name.startsWith("vault_pki_refresh")).toList());
    }

    @Test
    void theCompatibilityCountdownIsNotAfterMinusScrapeTimeWithinOneSecond() throws Exception {
        for (int i = 0; i < 5; i++) {
            double requested = RefreshNote.seconds(Instant.now());
            Scrape scrape = Scrape.parse(text(get(null, i % 2 == 0 ? "gzip" : null)));
            double answered = RefreshNote.seconds(Instant.now());
            double value = scrape.value("vault_issuer_validity_seconds", "issuer", ISSUER).orElseThrow();

            assertThat(value).isBetween(RefreshNote.seconds(notAfter) - answered - 1,
                    RefreshNote.seconds(notAfter) - requested);
        }
    }

    @Test
    void aSnapshotPublishedByARefreshIsInTheVeryNextScrape() throws Exception {
        assertThat(Scrape.parse(text(get(null, "gzip"))).value("vault_issuer_validity_seconds", "issuer", ISSUER))
                .isPresent();
        holder.replace(snapshot(engine("pki/", List.of(issuer(OTHER, "next", notAfter)))));
        Scrape next = Scrape.parse(text(get(null, "gzip")));

        assertThat(next.value("vault_issuer_validity_seconds", "issuer", OTHER)).isPresent();
        assertThat(next.value("vault_issuer_validity_seconds", "issuer", ISSUER)).isEmpty();
        assertThat(next.family("vault_pki_certificates")).isEmpty();
    }

    @Test
    void micrometersJvmAndProcessMetersAreStillExported() throws Exception {
        for (String accept : new String[] {"text/plain", PROMETHEUS_ACCEPT}) {
            Scrape scrape = Scrape.parse(text(get(accept, "gzip")).replace("# EOF\n", ""));

            assertThat(scrape.types().keySet()).as(accept).anyMatch(name -> name.startsWith("jvm_memory_used"))
                    .anyMatch(name -> name.startsWith("process_"))
                    .contains("vault_pki_refresh_duration_seconds", "vault_issuer_validity_seconds");
        }
    }

    @Test
    void theGzippedPrometheusTextIsPromtoolClean() throws Exception {
        Promtool.assertClean(text(get("text/plain", "gzip")));
    }
}

package io.vaultpki.monitor.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.vaultpki.monitor.metrics.exposition.Body;
import io.vaultpki.monitor.metrics.exposition.Negotiation;

/**
 * {@code /metrics} (and its alias {@code /prometheus}): the scrape in OpenMetrics when the scraper's {@code Accept}
 * names {@code application/openmetrics-text}, else in the Prometheus text format, gzip-compressed when its
 * {@code Accept-Encoding} allows it. It replaces Micronaut's prometheus endpoint, which answers 406 to an
 * {@code Accept} of only OpenMetrics and renders (and compresses) the whole registry for every scrape; here the
 * bytes come ready from {@link ScrapeCache}. Reads memory only.
 */
@Controller
@Requires(beans = PrometheusMeterRegistry.class)
public class MetricsController {

    static final String OPENMETRICS = "application/openmetrics-text";
    /** What the answer depends on, for caches between the scraper and the monitor. */
    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;

    private final ScrapeCache cache;

    public MetricsController(ScrapeCache cache) {
        this.cache = cache;
    }

    @Get(uris = {"/metrics", "/prometheus"})
    @Produces({MediaType.TEXT_PLAIN, OPENMETRICS})
    public HttpResponse<byte[]> scrape(@Nullable @Header(HttpHeaders.ACCEPT) String accept,
                                       @Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        Negotiation wanted = Negotiation.of(accept, acceptEncoding);
        Body body = cache.body(wanted.format());
        MutableHttpResponse<byte[]> response = HttpResponse.ok(wanted.gzip() ? body.gzip() : body.identity())
                .contentType(MediaType.of(wanted.format().contentType()))
                .header(HttpHeaders.VARY, VARY);
        // with Content-Encoding set, Micronaut's own compression leaves the body alone
        return wanted.gzip() ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip") : response;
    }
}

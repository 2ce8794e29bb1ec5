package io.vaultpki.monitor.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code /metrics} (and its alias {@code /prometheus}): the registry's scrape, in OpenMetrics when the scraper's
 * {@code Accept} names {@code application/openmetrics-text}, else in the Prometheus text format. It replaces
 * Micronaut's prometheus endpoint, which answers 406 to an {@code Accept} of only OpenMetrics. Reads memory only.
 */
@Controller
public class MetricsController {

    static final String OPENMETRICS = "application/openmetrics-text";
    /** The exposition formats' own content types (their writers are not on the compile classpath). */
    static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(uris = {"/metrics", "/prometheus"})
    @Produces({MediaType.TEXT_PLAIN, OPENMETRICS})
    public HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        String contentType = accept != null && accept.contains(OPENMETRICS)
                ? OPENMETRICS_CONTENT_TYPE
                : TEXT_CONTENT_TYPE;
        return HttpResponse.ok(registry.scrape(contentType)).contentType(MediaType.of(contentType));
    }
}

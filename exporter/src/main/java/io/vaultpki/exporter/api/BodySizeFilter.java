package io.vaultpki.exporter.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.vaultpki.exporter.access.ApiConfiguration;

/**
 * Refuses {@code /api/v1} bodies above {@code exporter.api.max-body-size} (413) from their {@code Content-Length},
 * before anything is read; chunked bodies are measured again by the controllers once read.
 */
@ServerFilter(ApiRequestFilter.PATTERN)
public class BodySizeFilter implements Ordered {

    private final ApiConfiguration configuration;

    public BodySizeFilter(ApiConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int getOrder() {
        return AuthenticationFilter.ORDER + 10;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getContentLength() > configuration.maxBodyBytes()) {
            return Problems.response(request, tooLarge(configuration.maxBodyBytes()));
        }
        return null;
    }

    static Problem tooLarge(long limit) {
        return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the request body is larger than " + limit + " bytes");
    }
}

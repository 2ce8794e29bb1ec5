package io.vaultpki.exporter.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a controller throws into {@code application/problem+json} through {@link ProblemMapper}.
 * Unknown exceptions become a 500 whose detail names only the request ID; the stack trace goes to the application
 * log, never to the client. The framework's own errors (404 route, 415, 413) go through
 * {@link ProblemResponseProcessor} instead.
 */
@Singleton
@Produces(ProblemDetails.MEDIA_TYPE)
@Requires(classes = ExceptionHandler.class)
public class ApiExceptionHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        Problem problem = ProblemMapper.map(exception).orElseGet(() -> {
            LOG.error("Request {} {} (id {}) failed", request.getMethodName(), request.getPath(), ApiRequests.id(request), exception);
            return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal error; the exporter's log has the details under request ID " + ApiRequests.id(request));
        });
        if (problem.status().getCode() >= 500 && problem.status() != HttpStatus.INTERNAL_SERVER_ERROR) {
            LOG.warn("Request {} {} (id {}): {}", request.getMethodName(), request.getPath(), ApiRequests.id(request),
                    VaultErrors.text(exception.getMessage()));
        }
        return Problems.response(request, problem);
    }
}

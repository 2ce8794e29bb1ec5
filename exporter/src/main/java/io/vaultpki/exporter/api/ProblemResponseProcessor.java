package io.vaultpki.exporter.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Renders the framework's own errors (no route, wrong method, wrong content type, body too large, unreadable
 * arguments) as {@code application/problem+json}. The framework's messages are replaced by fixed texts: they can
 * quote class names or the offending input, which a client must not get back.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<String> {

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        MutableHttpResponse<String> problem = Problems.response(context.getRequest(), Problem.of(status, detail(status)));
        // keep what the framework already decided, such as Allow on a 405
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> problem.getHeaders().add(name, v));
            }
        });
        return problem;
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "the request body must be application/json";
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is too large";
            case NOT_ACCEPTABLE -> "no acceptable representation";
            case BAD_REQUEST -> "the request is malformed";
            case UNAUTHORIZED -> "authentication required";
            case FORBIDDEN -> "not allowed";
            default -> status.getReason();
        };
    }
}

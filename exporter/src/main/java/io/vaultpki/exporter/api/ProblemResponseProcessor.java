package io.vaultpki.exporter.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.vaultpki.support.web.OversizedRequestHead;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Renders the framework's own errors (no route, wrong method, wrong content type, body too large, unreadable
 * arguments) as {@code application/problem+json}. The framework's messages are replaced by fixed texts: they can
 * quote class names or the offending input, which a client must not get back. A URL or headers over the server's
 * limits, which the framework calls 413 "body too large", become 414 or 431 ({@link OversizedRequestHead}); every
 * such answer carries a request ID, also outside {@code /api/v1}.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<String> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

    private final OversizedRequestHead oversized;

    public ProblemResponseProcessor(OversizedRequestHead oversized) {
        this.oversized = oversized;
    }

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        if (ApiRequests.id(request) == null) {
            // a request the API filter never saw (another path, or a head Netty refused) still gets an ID to quote
            ApiRequests.assignId(request);
        }
        Optional<OversizedRequestHead.Verdict> head = oversized.of(request);
        HttpStatus status = head.map(OversizedRequestHead.Verdict::status).orElse(response.getStatus());
        String detail = head.map(OversizedRequestHead.Verdict::detail).orElseGet(() -> detail(status));
        head.ifPresent(v -> request.setAttribute(Problems.NO_INSTANCE, true)); // its path is Netty's placeholder
        head.ifPresent(v -> LOG.info("Request {} from {} refused with {}: {}", ApiRequests.id(request),
                ApiRequests.sourceIp(request), status.getCode(), v.detail()));
        MutableHttpResponse<String> problem = Problems.response(request, Problem.of(status, detail));
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

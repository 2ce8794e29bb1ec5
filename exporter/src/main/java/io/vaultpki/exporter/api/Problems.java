package io.vaultpki.exporter.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Renders a {@link Problem} as the {@code application/problem+json} response to a request. */
public final class Problems {

    /** The realm of the {@code WWW-Authenticate} challenge on every 401. */
    public static final String CHALLENGE = "Bearer realm=\"vault-pki-exporter\"";
    /** Request attribute holding the problem's detail, for the audit line. */
    static final String DETAIL = "vaultpki.problem-detail";
    /** Request attribute set when the path is unknown (Netty refused the request line): the problem names none. */
    static final String NO_INSTANCE = "vaultpki.problem-no-instance";

    private Problems() {
    }

    public static MutableHttpResponse<String> response(HttpRequest<?> request, Problem problem) {
        ProblemDetails body = details(request, problem);
        request.setAttribute(DETAIL, problem.detail());
        MutableHttpResponse<String> response = HttpResponse.<String>status(problem.status())
                .contentType(ProblemDetails.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(ApiJson.write(body));
        if (problem.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        String id = ApiRequests.id(request);
        if (id != null) {
            response.header(ApiRequests.REQUEST_ID_HEADER, id);
        }
        return response;
    }

    public static ProblemDetails details(HttpRequest<?> request, Problem problem) {
        HttpStatus status = problem.status();
        String instance = request.getAttribute(NO_INSTANCE, Boolean.class).orElse(false) ? null : request.getPath();
        return new ProblemDetails("about:blank", status.getReason(), status.getCode(), problem.detail(),
                instance, ApiRequests.id(request), problem.errors(), problem.vaultErrors());
    }
}

package io.vaultpki.exporter.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.vaultpki.exporter.access.ApiPrincipal;
import io.vaultpki.exporter.access.ApiTokens;
import io.vaultpki.exporter.access.ApiTokensLoader;
import io.vaultpki.exporter.access.ClientCertificates;
import io.vaultpki.exporter.access.Scope;

import java.util.Optional;

/**
 * Authenticates every {@code /api/v1} request by its {@code Authorization: Bearer} token (or, when configured, its
 * TLS client certificate: {@link ClientCertificates}) and checks the scope the
 * method needs: {@code read} for GET and HEAD, {@code write} for everything else. Without configured tokens the API
 * does not exist (404). Export allow-lists, write policies and the {@code keys} scope are checked by the
 * controllers, which know the export and the file.
 */
@ServerFilter(ApiRequestFilter.PATTERN)
public class AuthenticationFilter implements Ordered {

    public static final int ORDER = ApiRequestFilter.ORDER + 10;
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final ApiTokens tokens;
    private final ClientCertificates certificates;

    public AuthenticationFilter(ApiTokens tokens, ClientCertificates certificates) {
        this.tokens = tokens;
        this.certificates = certificates;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (tokens.isEmpty() && certificates.isEmpty()) {
            return Problems.response(request, Problem.of(HttpStatus.NOT_FOUND,
                    "the API is disabled: no tokens are configured (" + ApiTokensLoader.PREFIX + ")"));
        }
        Optional<ApiPrincipal> principal = principal(request);
        if (principal.isEmpty()) {
            return Problems.response(request, Problem.of(HttpStatus.UNAUTHORIZED,
                    "a valid API token is required: Authorization: Bearer <token>"));
        }
        ApiRequests.setPrincipal(request, principal.get());
        Scope needed = needs(request.getMethod());
        if (!principal.get().has(needed)) {
            return Problems.response(request, Problem.of(HttpStatus.FORBIDDEN,
                    "token '" + principal.get().name() + "' lacks the '" + needed.wire() + "' scope"));
        }
        return null;
    }

    /**
     * A bearer token wins; a client certificate counts only when no Authorization header was sent, so a wrong token
     * is never rescued by a certificate.
     */
    private Optional<ApiPrincipal> principal(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return bearer(request).flatMap(tokens::authenticate);
        }
        if (request.isSecure() && !certificates.isEmpty()) {
            return request.getCertificate().flatMap(certificates::authenticate);
        }
        return Optional.empty();
    }

    static Scope needs(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? Scope.READ : Scope.WRITE;
    }

    static Optional<String> bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() > MAX_TOKEN_LENGTH + 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}

package io.vaultpki.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.token.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The HTTP front of the emulator. It runs the steps that come before Vault's router: anything outside
 * {@code /v1/} is a 404, an unclean path is redirected as Go's {@code ServeMux} does, the test's faults are applied;
 * then the {@link Routes} table answers, and the answer is logged and written with the headers every Vault response
 * carries. The whole pipeline is listed in this package's {@code package-info.java}.
 */
final class RequestHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final Flavor flavor;
    private final Clock clock;
    private final Faults faults;
    private final RequestLog log;
    private final ResponseRenderer renderer;
    private final Routes routes;

    RequestHandler(Flavor flavor, Clock clock, Faults faults, RequestLog log, Namespaces namespaces,
                   MountTable mounts, TokenStore tokens, PolicyStore policies, ResponseRenderer renderer,
                   NodeEndpoints nodeEndpoints) {
        this.flavor = flavor;
        this.clock = clock;
        this.faults = faults;
        this.log = log;
        this.renderer = renderer;
        var logical = new LogicalHandler(flavor, faults, namespaces, mounts, tokens, policies, renderer);
        this.routes = new Routes(flavor, namespaces, renderer, nodeEndpoints, logical);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant arrived = clock.instant();
        var request = IncomingRequest.of(exchange);
        String loggedMethod = request.method().equals("GET")
                && GoText.goBool(request.query().get("list")).orElse(false) ? "LIST" : request.method();
        RenderedResponse response;
        // in flight from arrival until the answer is ready: the client cannot send its next request on this
        // connection before it has the answer, so the count never exceeds the client's own concurrency
        log.begin();
        try {
            response = respond(request);
        } catch (RuntimeException e) {
            LOG.warn("emulator failed on {} {}", request.method(), request.path(), e);
            response = renderer.error(500, List.of(EmulatorResponse.multierror(
                    "internal error: " + e.getClass().getSimpleName())));
        } finally {
            log.end();
        }
        // logged before answering, so a test that has its response also sees the entry
        log.add(new RequestLog.Entry(loggedMethod, request.path(), request.namespaceHeader(),
                request.token() != null, response == null ? 0 : response.status(), arrived));
        if (response == null) {
            exchange.close();
            return;
        }
        write(exchange, request.method(), response, request.namespaceHeader());
    }

    /** The full answer, or null to drop the connection. */
    private RenderedResponse respond(IncomingRequest request) throws IOException {
        if (!request.rawPath().startsWith("/v1/")) {
            return new RenderedResponse(404, "text/plain; charset=utf-8",
                    "404 page not found\n".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        String cleaned = IncomingRequest.clean(request.rawPath());
        if (!cleaned.equals(request.rawPath())) {
            return redirectToClean(request.method(), cleaned, request.rawQuery());
        }
        String path = request.path();
        Duration delay = faults.latencyFor(path);
        if (!delay.isZero()) {
            sleep(delay);
        }
        var fault = faults.take(path);
        if (fault.isPresent() && fault.get() instanceof Faults.Drop) {
            return null;
        }
        if (fault.isPresent() && fault.get() instanceof Faults.Fail fail) {
            var errors = fail.retryAfter()
                    ? List.of("request path \"" + path + "\": rate limit quota exceeded") : fail.errors();
            var response = renderer.error(fail.status(), errors);
            return fail.retryAfter() ? response.withHeaders(Map.of("Retry-After", "1")) : response;
        }
        RenderedResponse response = routes.dispatch(request);
        if (fault.isPresent() && fault.get() instanceof Faults.Malformed) {
            byte[] body = response.body().length > 2 ? response.body() : "{\"request_id\":\"".getBytes();
            return response.withBody(200, Arrays.copyOf(body, body.length / 2));
        }
        var replacement = faults.replacementFor(path);
        if (replacement.isPresent()) {
            return response.withBody(response.status(), replacement.get().getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }

    /**
     * Go's {@code ServeMux} redirects a path with {@code //}, {@code /./} or {@code /../} to its cleaned form
     * (https://pkg.go.dev/net/http#ServeMux, "Trailing-slash redirection" and path sanitizing); the body is the one
     * {@code http.Redirect} writes for GET.
     */
    private static RenderedResponse redirectToClean(String method, String cleaned, String rawQuery) {
        String location = cleaned + (rawQuery == null ? "" : "?" + rawQuery);
        byte[] body = method.equals("GET")
                ? ("<a href=\"" + location + "\">Moved Permanently</a>.\n\n").getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        return new RenderedResponse(301, "text/html; charset=utf-8", body, Map.of("Location", location));
    }

    private void write(HttpExchange exchange, String method, RenderedResponse response, String namespaceHeader)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        response.headers().forEach(headers::set);
        if (flavor == Flavor.OPENBAO && !namespaceHeader.isEmpty()) {
            headers.set("X-Vault-Namespace", namespaceHeader);
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0 || method.equals("HEAD") || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

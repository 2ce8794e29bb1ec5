package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.spi.TokenEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP front of the emulator: parses Vault's request conventions, applies faults, answers the node endpoints,
 * then runs the logical pipeline of Vault's core (seal and standby checks, namespace, mount, token, ACL, backend)
 * and renders the answer (vault-api.md section 1).
 */
final class RequestHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
    static final int MAX_REQUEST_SIZE = 32 * 1024 * 1024;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "LIST", "PATCH");

    private final Flavor flavor;
    private final Clock clock;
    private final Faults faults;
    private final RequestLog log;
    private final Namespaces namespaces;
    private final MountTable mounts;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private final ResponseRenderer renderer;
    private final NodeEndpoints nodeEndpoints;

    RequestHandler(Flavor flavor, Clock clock, Faults faults, RequestLog log, Namespaces namespaces,
                   MountTable mounts, TokenStore tokens, PolicyStore policies, ResponseRenderer renderer,
                   NodeEndpoints nodeEndpoints) {
        this.flavor = flavor;
        this.clock = clock;
        this.faults = faults;
        this.log = log;
        this.namespaces = namespaces;
        this.mounts = mounts;
        this.tokens = tokens;
        this.policies = policies;
        this.renderer = renderer;
        this.nodeEndpoints = nodeEndpoints;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant arrived = clock.instant();
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String namespaceHeader = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Vault-Namespace"))
                .orElse("");
        String token = token(exchange);
        String path = rawPath.startsWith("/v1/") ? decode(rawPath.substring(4)) : rawPath;
        Map<String, String> query = query(rawQuery);
        String loggedMethod = method.equals("GET") && GoText.goBool(query.get("list")).orElse(false)
                ? "LIST" : method;
        RenderedResponse response;
        try {
            response = respond(exchange, method, rawPath, rawQuery, path, query, token, namespaceHeader);
        } catch (RuntimeException e) {
            LOG.warn("emulator failed on {} {}", method, path, e);
            response = renderer.error(500, List.of(EmulatorResponse.multierror(
                    "internal error: " + e.getClass().getSimpleName())));
        }
        // logged before answering, so a test that has its response also sees the entry
        log.add(new RequestLog.Entry(loggedMethod, path, namespaceHeader, token != null,
                response == null ? 0 : response.status(), arrived));
        if (response == null) {
            exchange.close();
            return;
        }
        write(exchange, method, response, namespaceHeader);
    }

    /** The full answer, or null to drop the connection. */
    private RenderedResponse respond(HttpExchange exchange, String method, String rawPath, String rawQuery,
                                     String path, Map<String, String> query, String token, String namespaceHeader)
            throws IOException {
        if (!rawPath.startsWith("/v1/")) {
            return new RenderedResponse(404, "text/plain; charset=utf-8",
                    "404 page not found\n".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        String cleaned = clean(rawPath);
        if (!cleaned.equals(rawPath)) {
            // Go's ServeMux redirects unclean paths (edge case 5)
            String location = cleaned + (rawQuery == null ? "" : "?" + rawQuery);
            byte[] body = method.equals("GET")
                    ? ("<a href=\"" + location + "\">Moved Permanently</a>.\n\n").getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            return new RenderedResponse(301, "text/html; charset=utf-8", body, Map.of("Location", location));
        }
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
        RenderedResponse response = dispatch(exchange, method, path, query, token, namespaceHeader);
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

    private RenderedResponse dispatch(HttpExchange exchange, String method, String path, Map<String, String> query,
                                      String tokenValue, String namespaceHeader) throws IOException {
        String trimmed = stripSlashes(path);
        if (NodeEndpoints.PATHS.contains(trimmed)) {
            if (flavor == Flavor.OPENBAO && namespaces.honoured() && !Namespaces.normalize(namespaceHeader).isEmpty()) {
                return renderer.error(400, List.of("operation unavailable in namespaces"));
            }
            return nodeEndpoints.handle(method, trimmed, query);
        }
        if (!METHODS.contains(method)) {
            return renderer.error(405, List.of());
        }
        if (faults.isSealed()) {
            return renderer.error(503, List.of("Vault is sealed"));
        }
        var standby = faults.standbyMode();
        if (standby.isPresent() && standby.get().kind() == StandbyMode.Kind.NO_ACTIVE) {
            return renderer.error(503, List.of("no active Vault instance found"));
        }
        if (standby.isPresent() && standby.get().kind() == StandbyMode.Kind.REDIRECT) {
            String active = standby.get().active().toString().replaceAll("/+$", "");
            String raw = exchange.getRequestURI().getRawPath();
            String q = exchange.getRequestURI().getRawQuery();
            return new RenderedResponse(307, "text/html; charset=utf-8", new byte[0],
                    Map.of("Location", active + raw + (q == null ? "" : "?" + q)));
        }

        String wrapTtl = exchange.getRequestHeaders().getFirst("X-Vault-Wrap-TTL");
        if (wrapTtl != null && wrapTtl.trim().startsWith("-")) {
            return renderer.error(400, List.of("requested wrap ttl cannot be negative"));
        }
        Operation operation = operation(method, query);
        if (operation == null) {
            return renderer.error(400, List.of());
        }
        byte[] bodyBytes = readBody(exchange.getRequestBody());
        if (bodyBytes == null) {
            return renderer.error(413, List.of("http: request body too large"));
        }
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (operation == Operation.PATCH && !contentType.startsWith("application/merge-patch+json")) {
            return renderer.error(415, List.of("PATCH requires Content-Type of application/merge-patch+json"));
        }
        ObjectNode body = GoJson.object();
        if (bodyBytes.length > 0 && operation == Operation.UPDATE && isForm(contentType, bodyBytes)) {
            query(new String(bodyBytes, StandardCharsets.UTF_8)).forEach(body::put);
        } else if (bodyBytes.length > 0 && (operation == Operation.UPDATE || operation == Operation.PATCH)) {
            try {
                JsonNode parsed = GoJson.parse(bodyBytes);
                if (parsed != null && parsed.isObject()) {
                    body = (ObjectNode) parsed;
                } else if (parsed != null && !parsed.isNull()) {
                    throw new IOException("json: cannot unmarshal " + parsed.getNodeType().name().toLowerCase()
                            + " into Go value of type map[string]interface {}");
                }
            } catch (IOException e) {
                String verb = flavor == Flavor.VAULT ? "failed to parse JSON input: " : "failed to decode JSON input: ";
                return renderer.error(400, List.of(verb + firstLine(e.getMessage())));
            }
        }

        var resolved = namespaces.resolve(namespaceHeader, trimmed);
        Optional<TokenEntry> token = validToken(tokenValue, resolved.namespace());
        if (!resolved.known()) {
            return denied(tokenValue != null && token.isEmpty());
        }
        String nsPath = resolved.path();
        Optional<MountEntry> mount = mounts.match(resolved.namespace(), nsPath);
        String relative = mount.map(m -> relative(nsPath, m.path())).orElse("");
        boolean unauthenticated = mount.isPresent() && mount.get().backend().isUnauthenticated(operation, relative);

        if (unauthenticated && tokenValue != null && token.isEmpty() && nsPath.startsWith("sys/internal/ui/mounts")) {
            // this handler resolves the token itself, so an invalid one is refused (section 1.9)
            return denied(true);
        }
        if (!unauthenticated) {
            if (tokenValue == null) {
                return renderer.error(403, List.of(EmulatorResponse.multierror("permission denied")));
            }
            if (token.isEmpty()) {
                return denied(true);
            }
            String aclPath = resolved.namespace().substring(token.get().namespace().length()) + nsPath;
            if (!policies.allows(token.get(), operation, aclPath)) {
                return renderer.error(403, List.of(EmulatorResponse.multierror("permission denied")));
            }
        }
        if (mount.isEmpty()) {
            return renderer.error(404, List.of("no handler for route \"" + nsPath + "\". route entry not found."));
        }
        var request = new EmulatorRequest(operation, resolved.namespace(), nsPath, mount.get().path(), relative,
                query, body, token, clientCertificates(exchange));
        Backend backend = mount.get().backend();
        EmulatorResponse response;
        try {
            response = backend.handle(request);
        } catch (RuntimeException e) {
            LOG.warn("backend {} failed on {}", backend.type(), nsPath, e);
            response = EmulatorResponse.multiError(500, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        boolean inject = resolvedIsSysMounts(nsPath);
        return renderer.render(response, operation, backend.type(), inject);
    }

    /** Section 1.1: a form body is parsed as such only when it does not look like JSON. */
    private static boolean isForm(String contentType, byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        return contentType.startsWith("application/x-www-form-urlencoded")
                && !start.startsWith("{") && !start.startsWith("[");
    }

    private RenderedResponse denied(boolean invalidToken) {
        if (invalidToken && flavor == Flavor.VAULT) {
            return renderer.error(403, List.of(EmulatorResponse.multierror("permission denied", "invalid token")));
        }
        return renderer.error(403, List.of(EmulatorResponse.multierror("permission denied")));
    }

    /** A live token usable in the request namespace (its own namespace or a child of it). */
    private Optional<TokenEntry> validToken(String value, String namespace) {
        return tokens.lookup(value).filter(t -> namespace.startsWith(t.namespace()));
    }

    private static boolean resolvedIsSysMounts(String path) {
        return path.equals("sys/mounts") || path.startsWith("sys/mounts/");
    }

    /** Section 1.3: LIST verb or GET with a Go-bool {@code list}; an unparseable value yields null (400). */
    private static Operation operation(String method, Map<String, String> query) {
        return switch (method) {
            case "GET" -> {
                String list = query.remove("list");
                if (list == null) {
                    yield Operation.READ;
                }
                if (GoText.goBool(list).isEmpty()) {
                    yield null;
                }
                yield GoText.goBool(list).orElse(false) ? Operation.LIST : Operation.READ;
            }
            case "LIST" -> Operation.LIST;
            case "POST", "PUT" -> Operation.UPDATE;
            case "DELETE" -> Operation.DELETE;
            case "PATCH" -> Operation.PATCH;
            default -> Operation.HEAD;
        };
    }

    private static String token(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        if (header != null && !header.isEmpty()) {
            return header;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            String bearer = authorization.substring("Bearer ".length()).trim();
            return bearer.isEmpty() ? null : bearer;
        }
        return null;
    }

    private static List<X509Certificate> clientCertificates(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return List.of();
        }
        try {
            var certs = new ArrayList<X509Certificate>();
            for (var c : https.getSSLSession().getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    certs.add(x);
                }
            }
            return certs;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    /** The body, or null when it exceeds Vault's default {@code max_request_size}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_SIZE + 1);
        return bytes.length > MAX_REQUEST_SIZE ? null : bytes;
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

    private static String relative(String path, String mountPath) {
        String withSlash = path + "/";
        return withSlash.length() <= mountPath.length() ? "" : stripSlashes(path.substring(mountPath.length()));
    }

    private static String stripSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** What Go's {@code path.Clean} would make of the path (keeping a trailing slash, as ServeMux does). */
    static String clean(String rawPath) {
        var parts = new ArrayList<String>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(segment);
        }
        String cleaned = "/" + String.join("/", parts);
        if (rawPath.endsWith("/") && !cleaned.equals("/")) {
            cleaned += "/";
        }
        return cleaned;
    }

    private static Map<String, String> query(String rawQuery) {
        var query = new LinkedHashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
            query.putIfAbsent(key, value);
        }
        return query;
    }

    /** Percent-decoding of a path: unlike a query, {@code +} stays a plus. */
    private static String decode(String text) {
        return unescape(text.replace("+", "%2B"));
    }

    /** Form decoding that keeps malformed escapes as they are instead of failing the request. */
    private static String unescape(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

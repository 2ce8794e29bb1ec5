package io.vaultpki.client.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One call to Vault's HTTP API.
 *
 * @param method        {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}; lists are {@code GET} with
 *                      {@code list=true} (https://developer.hashicorp.com/vault/api-docs#api-operations)
 * @param path          path relative to {@code /v1/}, segments already joined without {@code //}
 * @param query         query parameters (may be empty)
 * @param body          JSON body as a map (null for none); values are never logged
 * @param authenticated send {@code X-Vault-Token}
 * @param namespaced    send {@code X-Vault-Namespace} (false for sys/health, seal-status, leader)
 * @param headers       extra request headers; only the conditional ones of {@link #EXTRA_HEADERS}, set through
 *                      {@link #ifModifiedSince(Instant)}, so that no caller can override the token, namespace or
 *                      framing headers the transport sets
 */
public record VaultRequest(String method, String path, Map<String, String> query, Map<String, Object> body,
                           boolean authenticated, boolean namespaced, Map<String, String> headers) {

    /** The only headers a request may add: the conditional GET of {@link #ifModifiedSince(Instant)}. */
    public static final Set<String> EXTRA_HEADERS = Set.of("If-Modified-Since");

    /**
     * RFC 9110 IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}): a two-digit day, which Vault's Go parser
     * ({@code time.RFC1123}) requires; Java's {@code RFC_1123_DATE_TIME} would write {@code 6 Nov}.
     */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    public VaultRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        for (String name : headers.keySet()) {
            if (!EXTRA_HEADERS.contains(name)) {
                throw new IllegalArgumentException("header " + name + " may not be set on a Vault request");
            }
        }
    }

    /** A request without extra headers. */
    public VaultRequest(String method, String path, Map<String, String> query, Map<String, Object> body,
                        boolean authenticated, boolean namespaced) {
        this(method, path, query, body, authenticated, namespaced, Map.of());
    }

    public static VaultRequest get(String path) {
        return new VaultRequest("GET", path, Map.of(), null, true, true);
    }

    public static VaultRequest list(String path) {
        return new VaultRequest("GET", path, Map.of("list", "true"), null, true, true);
    }

    public static VaultRequest post(String path, Map<String, Object> body) {
        return new VaultRequest("POST", path, Map.of(), body, true, true);
    }

    public VaultRequest unauthenticated() {
        return new VaultRequest(method, path, query, body, false, namespaced, headers);
    }

    public VaultRequest withoutNamespace() {
        return new VaultRequest(method, path, query, body, authenticated, false, headers);
    }

    public VaultRequest withQuery(Map<String, String> q) {
        return new VaultRequest(method, path, Map.copyOf(q), body, authenticated, namespaced, headers);
    }

    /** The same request to another path (e.g. with a namespace prefix), keeping everything else. */
    public VaultRequest withPath(String newPath) {
        return new VaultRequest(method, newPath, query, body, authenticated, namespaced, headers);
    }

    /**
     * A conditional GET: {@code If-Modified-Since} with {@code since} as an HTTP-date (whole seconds, truncated, so a
     * change within the same second is never mistaken for an older one). The transport then accepts a
     * {@code 304 Not Modified} as an answer instead of an error. Vault's PKI engine answers 304 for its CA and CRL
     * reads when the mount passes the header through (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer-crl;
     * docs/vault-compatibility.md#client-pki).
     */
    public VaultRequest ifModifiedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return new VaultRequest(method, path, query, body, authenticated, namespaced,
                Map.of("If-Modified-Since", HTTP_DATE.format(since)));
    }

    /** Whether this is a conditional request (a 304 answer is expected, not an error). */
    public boolean isConditional() {
        return headers.containsKey("If-Modified-Since");
    }

    /** Method as shown in messages: {@code LIST} for list requests. */
    public String displayMethod() {
        return "true".equals(query.get("list")) ? "LIST" : method;
    }

    @Override
    public String toString() {
        // never print the body: it may carry a JWT, secret ID, password or CSR
        return "VaultRequest[" + displayMethod() + " " + path + "]";
    }
}

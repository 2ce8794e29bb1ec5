package io.vaultpki.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as Vault's HTTP layer reads it: the method, the path without {@code /v1/} (percent-decoded, a
 * {@code +} kept), the first value of each query parameter, the token from {@code X-Vault-Token} or
 * {@code Authorization: Bearer} and the {@code X-Vault-Namespace} header
 * (https://github.com/openbao/openbao/blob/main/internal/http/handler.go, {@code getTokenFromReq}). The body is
 * read only by the logical handler.
 *
 * @param method          HTTP method, upper case
 * @param rawPath         the path as sent, with {@code /v1/}
 * @param rawQuery        the query as sent, null when there is none
 * @param path            the decoded path without {@code /v1/}
 * @param query           decoded query parameters (mutable: the logical handler takes {@code list} out of it)
 * @param token           the token sent, null when none
 * @param namespaceHeader {@code X-Vault-Namespace}, {@code ""} when absent
 * @param exchange        the JDK exchange, for the headers, body and TLS session
 */
record IncomingRequest(String method, String rawPath, String rawQuery, String path, Map<String, String> query,
                       String token, String namespaceHeader, HttpExchange exchange) {

    static IncomingRequest of(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String namespaceHeader = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Vault-Namespace"))
                .orElse("");
        String path = rawPath.startsWith("/v1/") ? decode(rawPath.substring(4)) : rawPath;
        return new IncomingRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), rawPath, rawQuery, path,
                query(rawQuery), token(exchange), namespaceHeader, exchange);
    }

    /** The path without leading and trailing slashes, as routes and mounts see it. */
    String trimmedPath() {
        return stripSlashes(path);
    }

    /** The first value of a request header, null when absent. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    InputStream body() {
        return exchange.getRequestBody();
    }

    /** The TLS client certificate chain, empty over plain HTTP or without a client certificate. */
    List<X509Certificate> clientCertificates() {
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

    /** {@code X-Vault-Token} wins; {@code Authorization} counts only with the exact prefix {@code "Bearer "}. */
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

    static String stripSlashes(String path) {
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

    /** Form-style parameters ({@code a=1&b=2}); the first value of a repeated key wins. */
    static Map<String, String> query(String rawQuery) {
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
}

package io.vaultpki.emulator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a backend sees it, after the server has parsed the HTTP layer, resolved the namespace and the
 * mount, and checked the token's policy.
 *
 * @param operation       logical operation (LIST for both {@code LIST} and {@code GET ?list=true})
 * @param namespace       namespace path with trailing slash, {@code ""} for the root namespace
 * @param path            path relative to {@code /v1/} and to the namespace, no leading slash, no trailing slash
 *                        (e.g. {@code team/a/pki/issuers})
 * @param mountPath       the mount that owns the path, with trailing slash (e.g. {@code team/a/pki/}); for auth
 *                        backends it includes the {@code auth/} prefix
 * @param relativePath    path relative to the mount, no leading or trailing slash (e.g. {@code issuers},
 *                        {@code issuer/default/json}); {@code ""} for the mount root
 * @param query           query parameters other than {@code list} (first value of each)
 * @param body            JSON body (empty object when there is none)
 * @param token           the caller's token when it was sent and is valid, empty otherwise
 * @param clientCertificates TLS client certificate chain when the request came over mutual TLS, else empty
 * @param headers         the request headers the mount's tune passes through ({@code passthrough_request_headers}),
 *                        by their tuned name; Vault hands the backend no other header
 *                        (https://developer.hashicorp.com/vault/api-docs/system/mounts#passthrough_request_headers)
 */
public record EmulatorRequest(
        Operation operation,
        String namespace,
        String path,
        String mountPath,
        String relativePath,
        Map<String, String> query,
        ObjectNode body,
        Optional<TokenEntry> token,
        List<X509Certificate> clientCertificates,
        Map<String, String> headers) {

    public EmulatorRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A request without passed-through headers. */
    public EmulatorRequest(Operation operation, String namespace, String path, String mountPath, String relativePath,
                           Map<String, String> query, ObjectNode body, Optional<TokenEntry> token,
                           List<X509Certificate> clientCertificates) {
        this(operation, namespace, path, mountPath, relativePath, query, body, token, clientCertificates, Map.of());
    }

    /** A passed-through request header, any case; {@code null} when the tune does not pass it or it was not sent. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Text field of the body, or of the query when absent from the body; {@code null} when in neither. */
    public String param(String name) {
        if (body != null && body.hasNonNull(name)) {
            var node = body.get(name);
            return node.isValueNode() ? node.asText() : node.toString();
        }
        return query.get(name);
    }
}

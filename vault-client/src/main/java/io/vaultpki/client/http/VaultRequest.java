package io.vaultpki.client.http;

import java.util.Map;

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
 */
public record VaultRequest(String method, String path, Map<String, String> query, Map<String, Object> body,
                           boolean authenticated, boolean namespaced) {

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
        return new VaultRequest(method, path, query, body, false, namespaced);
    }

    public VaultRequest withoutNamespace() {
        return new VaultRequest(method, path, query, body, authenticated, false);
    }

    public VaultRequest withQuery(Map<String, String> q) {
        return new VaultRequest(method, path, Map.copyOf(q), body, authenticated, namespaced);
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

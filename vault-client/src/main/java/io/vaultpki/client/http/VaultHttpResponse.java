package io.vaultpki.client.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A successful (2xx) answer: status, headers (lower-case names) and the raw body.
 */
public record VaultHttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public String bodyAsString() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return body == null || body.length == 0;
    }

    public String header(String name) {
        var v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}

package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain JDK HTTP client speaking to the emulator, so the contract tests do not depend on the project's client. */
final class VaultHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response with its body as text and, when it parses, as JSON. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    VaultHttp(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    VaultHttp(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    VaultHttp token(String token) {
        var copy = new VaultHttp(base, client);
        copy.defaultHeaders.putAll(defaultHeaders);
        copy.defaultHeaders.put("X-Vault-Token", token);
        return copy;
    }

    VaultHttp header(String name, String value) {
        var copy = new VaultHttp(base, client);
        copy.defaultHeaders.putAll(defaultHeaders);
        copy.defaultHeaders.put(name, value);
        return copy;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply list(String path) {
        return send("LIST", path, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body);
    }

    /** Sends {@code method} to {@code /v1/<path>} ({@code path} may carry a query string). */
    Reply send(String method, String path, String body) {
        var builder = HttpRequest.newBuilder(URI.create(base + "/v1/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Vault-Request", "true")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        defaultHeaders.forEach(builder::header);
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

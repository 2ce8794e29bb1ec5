package io.vaultpki.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Vault's JSON envelope (docs/vault-compatibility.md#client-responses-and-errors). Unknown fields are ignored; a
 * body that is not JSON, or lacks a required field, becomes a {@link VaultResponseFormatException} naming the path.
 */
public final class JsonResponses {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonResponses() {
    }

    /** The shared mapper, for converting {@code data} objects. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The whole JSON body. */
    public static JsonNode body(VaultRequest request, VaultHttpResponse response) {
        if (response.isEmpty()) {
            throw new VaultResponseFormatException(request.path(), "empty body (status " + response.status() + ")");
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new VaultResponseFormatException(request.path(), "body is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new VaultResponseFormatException(request.path(), "malformed JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The envelope's {@code data} object. */
    public static JsonNode data(VaultRequest request, VaultHttpResponse response) {
        JsonNode data = body(request, response).path("data");
        if (!data.isObject()) {
            throw new VaultResponseFormatException(request.path(), "no \"data\" object in response");
        }
        return data;
    }

    /** The envelope's {@code warnings}, empty when null. */
    public static List<String> warnings(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("warnings").forEach(w -> out.add(w.asText()));
        return List.copyOf(out);
    }

    /** A required text field of {@code node}. */
    public static String text(VaultRequest request, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new VaultResponseFormatException(request.path(), "missing field \"" + field + "\"");
        }
        return v.asText();
    }

    /** An array of strings, empty when absent or null. */
    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }
}

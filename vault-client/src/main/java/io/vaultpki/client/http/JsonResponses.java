package io.vaultpki.client.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * The {@code data.keys} of a LIST answer, read as a stream: the same result as {@code strings(data(...).get("keys"))}
     * (empty when {@code keys} is absent or null) without building a tree of the whole answer, which for a mount with
     * 100,000 certificates would be some ten megabytes of nodes held at once.
     */
    public static List<String> dataKeys(VaultRequest request, VaultHttpResponse response) {
        if (response.isEmpty()) {
            throw new VaultResponseFormatException(request.path(), "empty body (status " + response.status() + ")");
        }
        try (JsonParser parser = JSON.getFactory().createParser(response.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new VaultResponseFormatException(request.path(), "body is not a JSON object");
            }
            List<String> keys = null;
            boolean data = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                    data = true;
                    keys = keysOf(parser);
                } else {
                    if ("data".equals(name)) {
                        data = false; // a later "data" wins, as in a tree
                    }
                    parser.skipChildren();
                }
            }
            if (!data) {
                throw new VaultResponseFormatException(request.path(), "no \"data\" object in response");
            }
            return keys == null ? List.of() : Collections.unmodifiableList(keys);
        } catch (IOException e) {
            throw new VaultResponseFormatException(request.path(), "malformed JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Inside {@code data}: the {@code keys} array as text values (non-text values as {@code asText()} gives them). */
    private static List<String> keysOf(JsonParser parser) throws IOException {
        List<String> keys = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"keys".equals(name)) {
                parser.skipChildren();
                continue;
            }
            keys = new ArrayList<>();
            if (value != JsonToken.START_ARRAY) {
                parser.skipChildren();
                keys = null;
                continue;
            }
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == null) {
                    throw new java.io.EOFException("unterminated keys array");
                }
                if (t.isScalarValue()) {
                    keys.add(parser.getText()); // null gives "null", as NullNode.asText() does
                } else {
                    parser.skipChildren();
                    keys.add("");
                }
            }
        }
        return keys;
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

package io.vaultpki.emulator.go;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;

/**
 * Serialises JSON the way Go's {@code json.Encoder} does (https://pkg.go.dev/encoding/json#Encoder.Encode): compact,
 * a trailing newline, and HTML-sensitive characters escaped as lower-case {@code \u0026}-style sequences.
 */
public final class GoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper WRITER = new ObjectMapper();

    static {
        WRITER.getFactory().setCharacterEscapes(new GoEscapes());
    }

    private GoJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array(Iterable<String> values) {
        var array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Encodes like {@code json.NewEncoder(w).Encode(v)}: compact, escaped, newline-terminated. */
    public static byte[] encode(JsonNode node) {
        try {
            return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** Go marshals maps with sorted keys; backends build insertion-ordered nodes, so sort them for rendering. */
    public static JsonNode sortedKeys(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            var names = new ArrayList<String>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            var sorted = object();
            for (String name : names) {
                sorted.set(name, sortedKeys(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sortedKeys(element)));
            return copy;
        }
        return node;
    }

    /** Go's encoder escapes {@code < > &} and the JavaScript line separators for safe embedding in HTML. */
    private static final class GoEscapes extends CharacterEscapes {

        private final int[] table;

        GoEscapes() {
            table = CharacterEscapes.standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_CUSTOM;
            table['>'] = ESCAPE_CUSTOM;
            table['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<' -> new SerializedString("\\u003c");
                case '>' -> new SerializedString("\\u003e");
                case '&' -> new SerializedString("\\u0026");
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }
}

package io.vaultpki.exporter.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;

/**
 * The API's JSON: snake_case names, RFC 3339 times, strict parsing (duplicate keys rejected, nesting bounded). One
 * mapper of our own rather than the framework's, so the wire format does not change with a serde upgrade. Text is
 * written with {@code <}, {@code >}, {@code &}, {@code '} and the JavaScript line separators as JSON unicode
 * escapes (backslash-u): the same JSON to a parser, but never markup if a response is ever shown or sniffed as HTML (names,
 * subjects and errors are hostile input).
 */
public final class ApiJson {

    static final String MEDIA_TYPE = "application/json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("instants").addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                    gen.writeString(value.toString());
                }
            }))
            .build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(64 * 1024).maxNumberLength(32).build());
    }

    private ApiJson() {
    }

    /** Jackson's standard escapes plus the HTML-significant characters and U+2028/U+2029. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private final int[] table;

        HtmlSafeEscapes() {
            table = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[]{'<', '>', '&', '\''}) {
                table[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /** Serialises {@code value} (records and maps) as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be encoded as JSON", e);
        }
    }

    /**
     * {@link #write} as UTF-8 bytes, for the large answers (the export list): a third of the allocation of a
     * {@code String} (no char buffer, no copy to a string, no re-encoding by the server), which keeps a list of
     * hundreds of exports out of the small heap's old generation.
     */
    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be encoded as JSON", e);
        }
    }

    /** Parses a request body into a tree; throws {@link IOException} for anything that is not one JSON value. */
    static JsonNode read(byte[] body) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || parser.nextToken() != null) {
                throw new IOException("the body must be exactly one JSON object");
            }
            return node;
        }
    }
}

package io.vaultpki.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.GoDurations;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Optional typed fields of a response's {@code data}: a field that is absent or JSON {@code null} is empty (older
 * Vault versions lack many), a field present with the wrong type or an unparsable value is a
 * {@link VaultResponseFormatException} naming the request path and the field.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** A JSON boolean. */
    public static Optional<Boolean> bool(VaultRequest request, JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw invalid(request, field, "a boolean");
        }
        return Optional.of(v.booleanValue());
    }

    /** A JSON string. */
    public static Optional<String> text(VaultRequest request, JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw invalid(request, field, "a string");
        }
        return Optional.of(v.textValue());
    }

    /** A JSON integer (a whole-valued float is accepted, as Go may print one). */
    public static OptionalLong integer(VaultRequest request, JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (!v.isNumber() || (!v.isIntegralNumber() && v.doubleValue() != Math.rint(v.doubleValue()))) {
            throw invalid(request, field, "an integer");
        }
        return OptionalLong.of(v.longValue());
    }

    /**
     * A duration as Vault sends them: a number of seconds ({@code 43200}, or {@code 7776000.0} from a Go
     * {@code Seconds()}) or a Go duration string ({@code 72h}, {@code 15m0s}, {@code 200ms}).
     */
    public static Optional<Duration> duration(VaultRequest request, JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(Duration.ofMillis(Math.round(v.doubleValue() * 1000)));
        }
        if (v.isTextual()) {
            return Optional.of(GoDurations.parse(v.textValue())
                    .orElseThrow(() -> invalid(request, field, "a duration")));
        }
        throw invalid(request, field, "a duration");
    }

    /** An RFC 3339 time ({@code 2024-05-01T10:00:00.123456789Z}). */
    public static Optional<Instant> time(VaultRequest request, JsonNode node, String field) {
        Optional<String> text = text(request, node, field);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid(request, field, "an RFC 3339 time");
        }
    }

    private static JsonNode present(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static VaultResponseFormatException invalid(VaultRequest request, String field, String expected) {
        return new VaultResponseFormatException(request.path(), "field \"" + field + "\" is not " + expected);
    }
}

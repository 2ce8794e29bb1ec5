package io.vaultpki.exporter.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.exporter.spec.FieldError;

import java.util.List;

/** A boolean field of a request body: JSON {@code true} or {@code false} only, never a string or a number. */
final class JsonBooleans {

    private JsonBooleans() {
    }

    /** The value of {@code field} in {@code body}; {@code false} when absent or null, a field error for any other type. */
    static boolean read(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return false;
        }
        return node.booleanValue();
    }
}

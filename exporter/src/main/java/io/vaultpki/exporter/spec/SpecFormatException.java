package io.vaultpki.exporter.spec;

import java.util.List;

/** A spec map with unknown fields, wrong types or unparseable values; carries every problem. */
public class SpecFormatException extends RuntimeException {

    private final List<FieldError> errors;

    public SpecFormatException(List<FieldError> errors) {
        super("invalid export spec: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

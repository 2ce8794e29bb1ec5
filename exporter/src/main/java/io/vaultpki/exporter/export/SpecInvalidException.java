package io.vaultpki.exporter.export;

import io.vaultpki.exporter.spec.FieldError;

import java.util.List;

/** A spec or request body with invalid fields (400). */
public class SpecInvalidException extends RuntimeException {

    private final List<FieldError> errors;

    public SpecInvalidException(List<FieldError> errors) {
        super("invalid export spec: " + errors.size() + " field error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

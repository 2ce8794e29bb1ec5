package io.vaultpki.exporter.api;

import io.vaultpki.exporter.spec.FieldError;

import java.util.List;

/** A request the API rejects before any service call (400): bad JSON, wrong types, unknown fields, bad names. */
final class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    BadRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    BadRequestException(String field, String message) {
        this("the request is invalid", List.of(new FieldError(field, message)));
    }

    List<FieldError> errors() {
        return errors;
    }
}

package io.vaultpki.exporter.api;

import io.micronaut.http.HttpStatus;
import io.vaultpki.exporter.spec.FieldError;

import java.time.Duration;
import java.util.List;

/**
 * An error before it is rendered for a request: status, detail and the optional extras.
 *
 * @param status      HTTP status
 * @param detail      message for the client (already free of secrets)
 * @param errors      field errors
 * @param vaultErrors sanitised Vault error strings
 * @param retryAfter  value for {@code Retry-After}, or {@code null}
 */
public record Problem(HttpStatus status, String detail, List<FieldError> errors, List<String> vaultErrors,
                      Duration retryAfter) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        vaultErrors = vaultErrors == null ? List.of() : List.copyOf(vaultErrors);
    }

    public static Problem of(HttpStatus status, String detail) {
        return new Problem(status, detail, List.of(), List.of(), null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(HttpStatus.BAD_REQUEST, detail, errors, List.of(), null);
    }
}

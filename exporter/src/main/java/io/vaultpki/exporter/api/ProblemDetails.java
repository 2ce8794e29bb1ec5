package io.vaultpki.exporter.api;

import io.vaultpki.exporter.spec.FieldError;

import java.util.List;

/**
 * An error body, RFC 9457 {@code application/problem+json}, with two extension members: {@code errors} (invalid
 * fields) and {@code vault_errors} (Vault's own error strings, sanitised), plus the request's ID. Never a stack
 * trace, never Vault's raw body, never a secret.
 *
 * @param type        {@code about:blank}: the status code says what happened
 * @param title       the status's reason phrase
 * @param status      the HTTP status
 * @param detail      what went wrong, for a human
 * @param instance    the request path; {@code null} when the server refused the request line (no path is known)
 * @param requestId   the request's {@code X-Request-Id}
 * @param errors      invalid fields, empty if none
 * @param vaultErrors Vault's error messages, empty if Vault was not involved
 */
public record ProblemDetails(String type, String title, int status, String detail, String instance, String requestId,
                             List<FieldError> errors, List<String> vaultErrors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetails {
        errors = errors == null ? List.of() : List.copyOf(errors);
        vaultErrors = vaultErrors == null ? List.of() : List.copyOf(vaultErrors);
    }
}

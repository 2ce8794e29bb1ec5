package io.vaultpki.exporter.spec;

/**
 * One invalid field of an export spec or request body.
 *
 * @param field   the field, in the API's snake_case ({@code common_name}, {@code alt_names[1]})
 * @param message what is wrong, never echoing a secret
 */
public record FieldError(String field, String message) {
}

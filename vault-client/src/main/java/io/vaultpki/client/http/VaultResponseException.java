package io.vaultpki.client.http;

import io.vaultpki.client.VaultException;

import java.util.List;

/**
 * Vault answered with an error status. Carries the HTTP method, the Vault path (relative to {@code /v1/}), the
 * status and Vault's {@code errors} strings (multierror wrapping removed). Use {@link #of} to get the subtype that
 * matches the status.
 */
public class VaultResponseException extends VaultException {

    private final String method;
    private final String path;
    private final int status;
    private final List<String> errors;

    public VaultResponseException(String method, String path, int status, List<String> errors) {
        super(ErrorMessages.format(method, path, status, errors));
        this.method = method;
        this.path = path;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /**
     * Picks the exception type for a status: 403 {@link VaultPermissionDeniedException}, 404
     * {@link VaultNotFoundException}, 429/503 {@link VaultUnavailableException}, other 5xx
     * {@link VaultServerException}, anything else this class.
     *
     * @param retryAfterSeconds value of a {@code Retry-After} header, or -1
     */
    public static VaultResponseException of(String method, String path, int status, List<String> rawErrors,
                                            long retryAfterSeconds) {
        List<String> errors = ErrorMessages.unwrap(rawErrors);
        return switch (status) {
            case 403 -> new VaultPermissionDeniedException(method, path, errors);
            case 404 -> new VaultNotFoundException(method, path, errors);
            case 429, 503 -> new VaultUnavailableException(method, path, status, errors, retryAfterSeconds);
            default -> status >= 500
                    ? new VaultServerException(method, path, status, errors)
                    : new VaultResponseException(method, path, status, errors);
        };
    }

    public String method() {
        return method;
    }

    /** Vault path relative to {@code /v1/}, without query string. */
    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    /** Vault's error strings with go-multierror wrapping removed; may be empty. */
    public List<String> errors() {
        return errors;
    }

    /** Whether any error string contains {@code text} (Vault's messages are matched by substring, never whole). */
    public boolean hasError(String text) {
        return errors.stream().anyMatch(e -> e.contains(text));
    }
}

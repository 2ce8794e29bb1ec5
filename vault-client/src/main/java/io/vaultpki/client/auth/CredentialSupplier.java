package io.vaultpki.client.auth;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Supplies a credential (JWT, secret ID, password, token) at login time. File-backed suppliers re-read the file
 * on every call so rotated credentials are picked up without code.
 */
@FunctionalInterface
public interface CredentialSupplier {

    /** The credential, stripped of surrounding whitespace; never empty. */
    String get();

    /** A fixed value (e.g. from configuration). */
    static CredentialSupplier of(String value) {
        Objects.requireNonNull(value, "credential");
        if (value.isBlank()) {
            throw new IllegalArgumentException("credential must not be empty");
        }
        String stripped = value.strip();
        return new CredentialSupplier() {
            @Override
            public String get() {
                return stripped;
            }

            @Override
            public String toString() {
                return "CredentialSupplier[value=****]";
            }
        };
    }

    /** Reads {@code file} on every call. */
    static CredentialSupplier ofFile(Path file) {
        return new FileCredentialSupplier(file);
    }
}

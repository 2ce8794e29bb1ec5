package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.spi.EmulatorResponse;

/** Unwinds a PKI handler with the exact error response Vault would send. */
final class PkiError extends RuntimeException {

    private final transient EmulatorResponse response;

    private PkiError(EmulatorResponse response, String message) {
        super(message, null, false, false);
        this.response = response;
    }

    /** A user error ({@code logical.ErrorResponse}): plain message, 400. */
    static PkiError badRequest(String message) {
        return new PkiError(EmulatorResponse.error(400, message), message);
    }

    /** A Go error: multierror-wrapped message with the given status (500 for most PKI lookups). */
    static PkiError internal(int status, String message) {
        return new PkiError(EmulatorResponse.multiError(status, message), message);
    }

    EmulatorResponse response() {
        return response;
    }
}

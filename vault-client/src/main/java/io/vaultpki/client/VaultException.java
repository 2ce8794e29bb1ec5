package io.vaultpki.client;

/**
 * Root of every error the client throws. Unchecked, so callers catch what they can act on.
 * Messages never contain a token, secret ID, JWT, password or private key.
 */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying the same request again later may succeed (5xx, 429, sealed, standby, connection errors). */
    public boolean isRetryable() {
        return false;
    }
}

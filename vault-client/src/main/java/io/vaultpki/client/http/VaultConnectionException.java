package io.vaultpki.client.http;

import io.vaultpki.client.VaultException;

/** Vault could not be reached or dropped the connection (refused, reset, closed before a response). */
public class VaultConnectionException extends VaultException {

    private final String method;
    private final String path;

    public VaultConnectionException(String method, String path, String address, Throwable cause) {
        super("Cannot reach Vault at " + address + " [" + method + " " + path + "]: " + describe(cause), cause);
        this.method = method;
        this.path = path;
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "connection failed";
        }
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

package io.vaultpki.client.http;

import io.vaultpki.client.VaultException;

import java.time.Duration;

/** Vault did not answer (connect or read) within the configured timeout. */
public class VaultTimeoutException extends VaultException {

    private final String method;
    private final String path;

    public VaultTimeoutException(String method, String path, Duration timeout, Throwable cause) {
        super("Vault did not answer within " + timeout.toMillis() + " ms [" + method + " " + path + "]", cause);
        this.method = method;
        this.path = path;
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

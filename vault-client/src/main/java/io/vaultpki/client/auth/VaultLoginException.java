package io.vaultpki.client.auth;

import io.vaultpki.client.VaultException;

/** A login failed: "Cannot log in using kubernetes at auth/kubernetes: permission denied". */
public class VaultLoginException extends VaultException {

    private final String method;
    private final String mount;

    public VaultLoginException(String method, String mount, String reason, Throwable cause) {
        super("Cannot log in using " + method + (mount == null || mount.isEmpty() ? "" : " at auth/" + mount) + ": " + reason, cause);
        this.method = method;
        this.mount = mount;
    }

    public String method() {
        return method;
    }

    public String mount() {
        return mount;
    }

    @Override
    public boolean isRetryable() {
        return getCause() instanceof VaultException v && v.isRetryable();
    }
}

package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;

/** The configured credentials produced a root token and {@code vault.allow-root-token} is off. */
public class RootTokenRefusedException extends VaultException {

    public RootTokenRefusedException(String method, String accessor) {
        super("Refusing the root token obtained with " + method
                + (accessor == null || accessor.isEmpty() ? "" : " (accessor " + accessor + ")")
                + ": a monitoring client needs only read access, so give it a token with a least-privilege policy;"
                + " set vault.allow-root-token=true to accept a root token, e.g. in a lab");
    }
}

package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;

/** {@code POST auth/token/renew-self} failed (accessor and Vault's reason in the message, never the token). */
public class TokenRenewalException extends VaultException {

    public TokenRenewalException(String accessor, String reason, Throwable cause) {
        super("Cannot renew the Vault token" + (accessor == null || accessor.isEmpty() ? "" : " (accessor " + accessor + ")")
                + ": " + reason, cause);
    }

    @Override
    public boolean isRetryable() {
        return getCause() instanceof VaultException v && v.isRetryable();
    }
}

package io.vaultpki.client.auth;

import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultTransport;

import java.util.Objects;

/**
 * A fixed token (setting {@code vault.token} or {@code VAULT_TOKEN}). It cannot be replaced, only renewed, so
 * once it dies every call fails until the operator provides a new one.
 */
public final class TokenAuthentication implements VaultAuthentication {

    public static final String METHOD = "token";

    private final VaultToken token;

    public TokenAuthentication(VaultToken token) {
        this.token = Objects.requireNonNull(token, "vault.token must not be empty");
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        return LoginToken.ofStatic(token);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public boolean canLogInAgain() {
        return false;
    }

    @Override
    public String toString() {
        return "TokenAuthentication[" + token + "]";
    }
}

package io.vaultpki.client.auth;

import io.vaultpki.client.http.VaultTransport;

/**
 * One way to obtain a Vault token. Implementations are small, immutable and re-read their credentials (token
 * files, service-account JWTs, secret-ID files) on every {@link #login}, so rotation needs no code.
 */
public interface VaultAuthentication {

    /**
     * Obtains a token. Throws {@link VaultLoginException} naming the method and mount (never the credential).
     */
    LoginToken login(VaultTransport transport);

    /** Method name for logs and metrics: {@code token}, {@code token-file}, {@code kubernetes}, {@code approle}, ... */
    String method();

    /**
     * Whether {@link #login} can produce a new token when the current one dies (false for a fixed token,
     * which can only be renewed).
     */
    default boolean canLogInAgain() {
        return true;
    }

    /**
     * Whether the credential source changed since the last login (e.g. Nomad rewrote {@code secrets/vault_token}),
     * so the session should log in again. Cheap: called before requests.
     */
    default boolean credentialsChanged() {
        return false;
    }
}

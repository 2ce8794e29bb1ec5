package io.vaultpki.client.http;

/**
 * Runs a request with whatever token the caller's session provides. Implemented by the client's authenticated
 * executor (token from the session, one retry after a dead-token 403); the PKI and sys operations only see this.
 */
@FunctionalInterface
public interface VaultExecutor {

    /** @return the 2xx response; errors as in {@link VaultTransport#execute} */
    VaultHttpResponse execute(VaultRequest request);
}

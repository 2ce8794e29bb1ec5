package io.vaultpki.client.core;

import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultTransport;
import io.vaultpki.client.session.SessionManager;

/**
 * Sends authenticated requests with the session's current token. On a 403 it lets the session check the token
 * (one {@code lookup-self}); when the token was dead and a fresh one is available, the request is sent once more
 * (docs/vault-compatibility.md#client-tokens-and-logins). A policy denial is thrown unchanged.
 */
final class AuthenticatedExecutor implements VaultExecutor {

    private final VaultTransport transport;
    private final SessionManager session;

    AuthenticatedExecutor(VaultTransport transport, SessionManager session) {
        this.transport = transport;
        this.session = session;
    }

    @Override
    public VaultHttpResponse execute(VaultRequest request) {
        if (!request.authenticated()) {
            return transport.execute(request, null);
        }
        VaultToken token = session.currentToken();
        try {
            return transport.execute(request, token);
        } catch (VaultPermissionDeniedException denied) {
            if (!session.handlePermissionDenied(token)) {
                throw denied;
            }
            return transport.execute(request, session.currentToken());
        }
    }
}

package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The calls the session makes on its own token: lookup-self, renew-self and revoke-self
 * (https://developer.hashicorp.com/vault/api-docs/auth/token).
 */
final class TokenSelf {

    static final String LOOKUP_SELF = "auth/token/lookup-self";
    private static final String RENEW_SELF = "auth/token/renew-self";
    private static final String REVOKE_SELF = "auth/token/revoke-self";
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final VaultTransport transport;

    TokenSelf(VaultTransport transport) {
        this.transport = transport;
    }

    /** What lookup-self said: the token's info, or null after a 403, with whether Vault called the token invalid. */
    record Lookup(TokenInfo info, boolean invalidToken) {
    }

    /** Looks {@code token} up; a 403 is an answer (the token is dead or may not look itself up), not an error. */
    Lookup lookup(VaultToken token) {
        try {
            return new Lookup(TokenResponses.lookup(transport.execute(VaultRequest.get(LOOKUP_SELF), token)), false);
        } catch (VaultPermissionDeniedException e) {
            return new Lookup(null, e.isInvalidToken());
        }
    }

    TokenResponses.Renewal renew(VaultToken token) {
        return TokenResponses.renewal(transport.execute(VaultRequest.post(RENEW_SELF, Map.of()), token));
    }

    /** Revokes {@code s}'s token; a failure is logged, not thrown (the token then simply expires). */
    void revoke(Session s) {
        try {
            transport.execute(VaultRequest.post(REVOKE_SELF, Map.of()), s.token());
            LOG.info("Revoked the Vault token (accessor {})", s.accessor());
        } catch (VaultException e) {
            LOG.warn("Cannot revoke the Vault token (accessor {}): {}", s.accessor(), e.getMessage());
        }
    }
}

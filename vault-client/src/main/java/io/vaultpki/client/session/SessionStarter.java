package io.vaultpki.client.session;

import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.LoginToken;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.http.VaultTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns one login into a session: logs in, looks the token up, refuses a root token unless allowed, and learns the
 * TTL from lookup-self or, for a token that may not look itself up (created without the {@code default} policy, see
 * https://developer.hashicorp.com/vault/docs/concepts/policies#default-policy), from the login answer. Not
 * thread-safe: used under the session's lock.
 */
final class SessionStarter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final VaultTransport transport;
    private final VaultAuthentication auth;
    private final TokenSelf self;
    private final boolean allowRootToken;
    private final TokenTiming timing;
    private final Clock clock;
    private final SessionEvents events;
    private long generation;

    SessionStarter(VaultTransport transport, VaultAuthentication auth, TokenSelf self, boolean allowRootToken,
                   TokenTiming timing, Clock clock, SessionEvents events) {
        this.transport = transport;
        this.auth = auth;
        this.self = self;
        this.allowRootToken = allowRootToken;
        this.timing = timing;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Logs in and checks the new token.
     *
     * @param old the session being replaced, or null
     * @throws VaultLoginException       when the login fails or yields the token Vault just rejected
     * @throws RootTokenRefusedException when the token is a root token and that is not allowed
     */
    Session start(Session old) {
        LoginToken login = auth.login(transport);
        VaultToken token = login.token();
        if (old != null && old.dead() && old.token().equals(token)) {
            throw new VaultLoginException(auth.method(), null, "the credential source still holds the token (accessor "
                    + old.accessor() + ") that Vault rejected", null);
        }
        TokenSelf.Lookup lookup = self.lookup(token);
        if (lookup.info() == null && lookup.invalidToken()) {
            throw new VaultLoginException(auth.method(), null, "Vault rejected the token: invalid token", null);
        }
        TokenInfo info = lookup.info();
        if (info == null) {
            LOG.warn("The token from {} may not look itself up (403 on {}; created without the default policy?): "
                    + "using the TTL from the login answer", auth.method(), TokenSelf.LOOKUP_SELF);
        }
        boolean root = info != null ? info.isRoot() : login.policies().contains("root");
        String accessor = info != null ? info.accessor() : token.accessor();
        if (root && !allowRootToken) {
            events.emit(new VaultClientEvent.RootTokenRefused(auth.method()));
            throw new RootTokenRefusedException(auth.method(), accessor);
        }
        Duration ttl = info != null ? info.ttl() : login.ttl();
        boolean renewable = info != null ? info.renewable() : login.renewable();
        Instant now = clock.instant();
        Session fresh = new Session(token.withAccessor(accessor), info, login.fromLogin(), info != null, renewable,
                ttl, timing.expiry(now, ttl), false, ++generation,
                info != null ? info.isBatch() : "batch".equals(login.type()));
        LOG.info("Vault session ready using {} (accessor {}, ttl {}, renewable {})", auth.method(),
                fresh.accessor(), ttl, renewable);
        events.emit(new VaultClientEvent.LoginSucceeded(auth.method(), fresh.accessor(), ttl));
        return fresh;
    }
}

package io.vaultpki.client.session;

import io.vaultpki.client.VaultToken;

import java.time.Duration;
import java.time.Instant;

/**
 * One token of the session and what is known about it; replaced, never mutated.
 *
 * @param token       the token, with its accessor
 * @param info        what lookup-self said, or null when the token may not look itself up
 * @param loggedIn    obtained by a login of this session (only such tokens are revoked at close)
 * @param lookupWorks the token may call lookup-self (it has the {@code default} policy)
 * @param renewable   renew-self can still extend it
 * @param ttl         the TTL the token started with; {@link Duration#ZERO} when it does not expire
 * @param expiresAt   when it expires, or null when it does not
 * @param dead        Vault rejected it
 * @param generation  distinguishes the session's successive tokens, so a stale renewal task does nothing
 * @param batch       a batch token (never renewable, never revoked)
 */
record Session(VaultToken token, TokenInfo info, boolean loggedIn, boolean lookupWorks, boolean renewable,
               Duration ttl, Instant expiresAt, boolean dead, long generation, boolean batch) {

    String accessor() {
        return token.accessor();
    }

    /** Worth sending: not known to be dead and not past its expiry. */
    boolean usable(Instant now) {
        return !dead && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * Whether a 403 on a request, followed by a denied lookup-self, means the token is dead rather than that a policy
     * denies the path. A token that could look itself up before is dead now; one that never could (created without
     * the {@code default} policy) is dead only when Vault says {@code invalid token} or its known TTL has run out.
     */
    boolean deadAfterDeniedLookup(boolean invalidToken, Instant now) {
        boolean expired = expiresAt != null && !now.isBefore(expiresAt);
        return lookupWorks || invalidToken || expired;
    }

    Session withInfo(TokenInfo newInfo) {
        return new Session(token, newInfo, loggedIn, true, renewable, ttl, expiresAt, dead, generation, batch);
    }

    Session renewed(Instant newExpiry, boolean stillRenewable) {
        return new Session(token, info, loggedIn, lookupWorks, stillRenewable, ttl, newExpiry, dead, generation, batch);
    }

    Session markDead() {
        return new Session(token, info, loggedIn, lookupWorks, false, ttl, expiresAt, true, generation, batch);
    }
}

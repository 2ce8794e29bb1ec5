package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.http.VaultTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Owns the client's Vault token: logs in lazily (one login at a time, shared by waiting threads), looks the token
 * up, refuses root tokens, renews it in the background and logs in again when renewal cannot keep the token alive.
 * Thread-safe.
 *
 * <p>Where the parts live: {@link SessionStarter} turns a login into a checked session, {@link LoginBackoff} spaces
 * out failed logins, {@link Renewals} keeps the token alive on the timing of {@link TokenTiming}, {@link TokenSelf}
 * makes the lookup-, renew- and revoke-self calls. This class holds the current token and decides what a 403 means.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>A token that gets 403 on {@code lookup-self} right after login is kept (it was created without the
 *   {@code default} policy); its TTL comes from the login answer. For such a token a later 403 means "dead" only
 *   when Vault says {@code invalid token} or the known TTL has run out; otherwise it is a policy problem.</li>
 *   <li>When a renewal returns a TTL shorter than the token started with, the max TTL was reached: the next step
 *   is a new login at two thirds of that TTL, before the hard expiry.</li>
 *   <li>Failed logins back off exponentially (per {@link SessionOptions#loginBackoff()}); during the back-off a
 *   still-valid old token keeps being used, otherwise the last failure is thrown again without a request.</li>
 *   <li>Replaced tokens are left to expire rather than revoked, so requests still using them finish.</li>
 * </ul>
 */
public final class SessionManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final VaultAuthentication auth;
    private final SessionOptions options;
    private final Clock clock;
    private final RenewalScheduler scheduler;
    private final boolean ownsScheduler;
    private final Object lock = new Object();
    private final SessionEvents events;
    private final TokenSelf self;
    private final SessionStarter starter;
    private final LoginBackoff backoff;
    private final Renewals renewals;

    private volatile Session session;
    private volatile boolean refreshDue;
    private volatile boolean closed;

    /**
     * A session that logs in with {@code auth} over {@code transport} on first use; contacts no server yet.
     */
    public SessionManager(VaultTransport transport, VaultAuthentication auth, SessionOptions options) {
        Objects.requireNonNull(transport, "transport");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = options.clock();
        this.ownsScheduler = options.scheduler() == null;
        this.scheduler = ownsScheduler ? RenewalScheduler.daemon() : options.scheduler();
        this.events = new SessionEvents(options.listener());
        this.self = new TokenSelf(transport);
        this.starter = new SessionStarter(transport, auth, self, options.allowRootToken(), TokenTiming.DEFAULT, clock,
                events);
        this.backoff = new LoginBackoff(options.loginBackoff(), options.maxLoginBackoff());
        this.renewals = new Renewals(lock, new RenewalOwner(), self, auth, scheduler, TokenTiming.DEFAULT, clock, events);
    }

    /**
     * The token to send. Logs in on first use, when the credentials changed (e.g. a rewritten token file), when a
     * renewal could not keep the token alive, or when Vault rejected it; otherwise returns the cached token.
     *
     * @throws VaultLoginException        when no valid token can be obtained
     * @throws RootTokenRefusedException  when the credentials yield a root token and that is not allowed
     */
    public VaultToken currentToken() {
        ensureOpen();
        Session s = session;
        if (isFresh(s)) {
            return s.token();
        }
        synchronized (lock) {
            ensureOpen();
            s = session;
            if (isFresh(s)) {
                return s.token();
            }
            return refresh(s).token();
        }
    }

    /**
     * Decides what a 403 on a request made with {@code used} means, with one {@code lookup-self}: when the lookup
     * succeeds the token is fine and the policy denies the path ({@code false}); when it is denied too, the token
     * is dead and the session logs in again ({@code true}: retry the request once with {@link #currentToken()}).
     * Also {@code true} when another thread already replaced {@code used}.
     */
    public boolean handlePermissionDenied(VaultToken used) {
        ensureOpen();
        synchronized (lock) {
            Session s = session;
            if (s == null) {
                return false;
            }
            if (!s.token().equals(used)) {
                return !s.dead();
            }
            TokenSelf.Lookup lookup;
            try {
                lookup = self.lookup(s.token());
            } catch (VaultException e) {
                LOG.debug("lookup-self after a 403 failed for accessor {}: {}", s.accessor(), e.getMessage());
                return false;
            }
            if (lookup.info() != null) {
                session = s.withInfo(lookup.info());
                return false;
            }
            if (!s.deadAfterDeniedLookup(lookup.invalidToken(), clock.instant())) {
                LOG.debug("403 with token accessor {} which cannot look itself up (no default policy): "
                        + "treating it as a policy denial", s.accessor());
                return false;
            }
            LOG.warn("Vault no longer accepts the token (accessor {}): it expired or was revoked", s.accessor());
            events.emit(new VaultClientEvent.TokenExpired(s.accessor()));
            markDead(s);
            if (!auth.canLogInAgain()) {
                return false;
            }
            refreshDue = true;
            return !refresh(session).dead();
        }
    }

    /** What lookup-self said about the current token (logging in first if needed); empty when it may not look itself up. */
    public Optional<TokenInfo> tokenInfo() {
        currentToken();
        Session s = session;
        return s == null ? Optional.empty() : Optional.ofNullable(s.info());
    }

    /**
     * Stops renewals and, when {@link SessionOptions#revokeOnClose()} is set, revokes a token this session obtained
     * by logging in itself (never a token that was given to it).
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            renewals.cancel();
            Session s = session;
            session = null;
            if (s != null && options.revokeOnClose() && s.loggedIn() && !s.dead() && !s.batch()) {
                self.revoke(s);
            }
        }
        if (ownsScheduler) {
            scheduler.shutdown();
        }
    }

    private boolean isFresh(Session s) {
        return s != null && !refreshDue && s.usable(clock.instant()) && !auth.credentialsChanged();
    }

    /** Called under the lock: returns a usable session or throws. */
    private Session refresh(Session old) {
        if (old != null && !auth.canLogInAgain()) {
            if (old.usable(clock.instant())) {
                return old;
            }
            throw new VaultLoginException(auth.method(), null, "the token (accessor " + old.accessor()
                    + ") expired or was revoked, and a fixed token cannot be replaced: configure a new token", null);
        }
        if (backoff.waiting(clock.instant())) {
            if (old != null && old.usable(clock.instant())) {
                return old;
            }
            throw backoff.lastFailure();
        }
        try {
            Session fresh = starter.start(old);
            backoff.succeeded();
            refreshDue = false;
            session = fresh;
            renewals.follow(fresh);
            return fresh;
        } catch (VaultException e) {
            VaultException failure = e instanceof VaultLoginException || e instanceof RootTokenRefusedException
                    ? e : new VaultLoginException(auth.method(), null, e.getMessage(), e);
            loginFailed(failure);
            if (old != null && old.usable(clock.instant())) {
                LOG.warn("Keeping the current token (accessor {}) after a failed login: {}", old.accessor(),
                        failure.getMessage());
                return old;
            }
            throw failure;
        }
    }

    private void loginFailed(VaultException failure) {
        Duration wait = backoff.failed(failure, clock.instant());
        LOG.warn("Vault login failed ({} in a row, next attempt in {}): {}", backoff.failures(), wait,
                failure.getMessage());
        if (!(failure instanceof RootTokenRefusedException)) {
            events.emit(new VaultClientEvent.LoginFailed(auth.method(), failure.getMessage()));
        }
    }

    private void markDead(Session s) {
        renewals.cancel();
        session = s.markDead();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The Vault session is closed");
        }
    }

    /** The session as {@link Renewals} sees it; every call comes under the lock. */
    private final class RenewalOwner implements Renewals.Owner {

        @Override
        public Session current() {
            return closed ? null : session;
        }

        @Override
        public void replace(Session s) {
            session = s;
        }

        @Override
        public void markDead(Session s) {
            SessionManager.this.markDead(s);
        }

        @Override
        public void logInAgain(String why) {
            refreshDue = true;
            LOG.info("Logging in to Vault again: {}", why);
            try {
                refresh(session);
            } catch (VaultException e) {
                // already logged and counted; the next request retries after the back-off
                LOG.debug("Background login failed: {}", e.getMessage());
            }
        }
    }
}

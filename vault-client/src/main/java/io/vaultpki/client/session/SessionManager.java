package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.LoginToken;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Owns the client's Vault token: logs in lazily (one login at a time, shared by waiting threads), looks the token
 * up, refuses root tokens, renews at two thirds of the TTL and logs in again when renewal cannot keep the token
 * alive. Thread-safe.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>A token that gets 403 on {@code lookup-self} right after login is kept (edge case 28: created without the
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
    private static final String LOOKUP_SELF = "auth/token/lookup-self";
    private static final String RENEW_SELF = "auth/token/renew-self";
    private static final String REVOKE_SELF = "auth/token/revoke-self";

    private final VaultTransport transport;
    private final VaultAuthentication auth;
    private final SessionOptions options;
    private final Clock clock;
    private final RenewalScheduler scheduler;
    private final boolean ownsScheduler;
    private final Object lock = new Object();

    private volatile Session session;
    private volatile boolean refreshDue;
    private volatile boolean closed;
    private long generation;
    private RenewalScheduler.Scheduled pending;
    private int consecutiveFailures;
    private Instant nextLoginAttempt;
    private VaultException lastFailure;

    public SessionManager(VaultTransport transport, VaultAuthentication auth, SessionOptions options) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = options.clock();
        this.ownsScheduler = options.scheduler() == null;
        this.scheduler = ownsScheduler ? RenewalScheduler.daemon() : options.scheduler();
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
            Lookup lookup;
            try {
                lookup = lookupSelf(s.token());
            } catch (VaultException e) {
                LOG.debug("lookup-self after a 403 failed for accessor {}: {}", s.accessor(), e.getMessage());
                return false;
            }
            if (lookup.info() != null) {
                session = s.withInfo(lookup.info());
                return false;
            }
            boolean expired = s.expiresAt() != null && !clock.instant().isBefore(s.expiresAt());
            if (!s.lookupWorks() && !lookup.invalidToken() && !expired) {
                LOG.debug("403 with token accessor {} which cannot look itself up (no default policy): "
                        + "treating it as a policy denial", s.accessor());
                return false;
            }
            LOG.warn("Vault no longer accepts the token (accessor {}): it expired or was revoked", s.accessor());
            emit(new VaultClientEvent.TokenExpired(s.accessor()));
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
            cancelPending();
            Session s = session;
            session = null;
            if (s != null && options.revokeOnClose() && s.loggedIn() && !s.dead() && !s.batch()) {
                revoke(s);
            }
        }
        if (ownsScheduler) {
            scheduler.shutdown();
        }
    }

    // ---- login ----

    private boolean isFresh(Session s) {
        return s != null && !refreshDue && usable(s) && !auth.credentialsChanged();
    }

    private boolean usable(Session s) {
        return !s.dead() && (s.expiresAt() == null || clock.instant().isBefore(s.expiresAt()));
    }

    /** Called under the lock: returns a usable session or throws. */
    private Session refresh(Session old) {
        Instant now = clock.instant();
        if (old != null && !auth.canLogInAgain()) {
            if (usable(old)) {
                return old;
            }
            throw new VaultLoginException(auth.method(), null, "the token (accessor " + old.accessor()
                    + ") expired or was revoked, and a fixed token cannot be replaced: configure a new token", null);
        }
        if (nextLoginAttempt != null && now.isBefore(nextLoginAttempt)) {
            if (old != null && usable(old)) {
                return old;
            }
            throw lastFailure;
        }
        try {
            Session fresh = establish(auth.login(transport), old);
            consecutiveFailures = 0;
            nextLoginAttempt = null;
            lastFailure = null;
            refreshDue = false;
            install(fresh);
            return fresh;
        } catch (VaultException e) {
            VaultException failure = e instanceof VaultLoginException || e instanceof RootTokenRefusedException
                    ? e : new VaultLoginException(auth.method(), null, e.getMessage(), e);
            recordFailure(failure);
            if (old != null && usable(old)) {
                LOG.warn("Keeping the current token (accessor {}) after a failed login: {}", old.accessor(),
                        failure.getMessage());
                return old;
            }
            throw failure;
        }
    }

    private Session establish(LoginToken login, Session old) {
        VaultToken token = login.token();
        if (old != null && old.dead() && old.token().equals(token)) {
            throw new VaultLoginException(auth.method(), null, "the credential source still holds the token (accessor "
                    + old.accessor() + ") that Vault rejected", null);
        }
        Lookup lookup = lookupSelf(token);
        if (lookup.info() == null && lookup.invalidToken()) {
            throw new VaultLoginException(auth.method(), null, "Vault rejected the token: invalid token", null);
        }
        TokenInfo info = lookup.info();
        if (info == null) {
            LOG.warn("The token from {} may not look itself up (403 on {}; created without the default policy?): "
                    + "using the TTL from the login answer", auth.method(), LOOKUP_SELF);
        }
        boolean root = info != null ? info.isRoot() : login.policies().contains("root");
        String accessor = info != null ? info.accessor() : token.accessor();
        if (root && !options.allowRootToken()) {
            emit(new VaultClientEvent.RootTokenRefused(auth.method()));
            throw new RootTokenRefusedException(auth.method(), accessor);
        }
        Duration ttl = info != null ? info.ttl() : login.ttl();
        boolean renewable = info != null ? info.renewable() : login.renewable();
        Instant now = clock.instant();
        Session fresh = new Session(token.withAccessor(accessor), info, login.fromLogin(), info != null, renewable,
                ttl, ttl.isZero() ? null : now.plus(ttl), false, ++generation,
                info != null ? info.isBatch() : "batch".equals(login.type()));
        LOG.info("Vault session ready using {} (accessor {}, ttl {}, renewable {})", auth.method(),
                fresh.accessor(), ttl, renewable);
        emit(new VaultClientEvent.LoginSucceeded(auth.method(), fresh.accessor(), ttl));
        return fresh;
    }

    private void recordFailure(VaultException failure) {
        // counted from the failure, not the attempt: a slow login must not eat the back-off
        Instant now = clock.instant();
        consecutiveFailures++;
        Duration wait = options.loginBackoff().multipliedBy(1L << Math.min(consecutiveFailures - 1, 20));
        if (wait.compareTo(options.maxLoginBackoff()) > 0) {
            wait = options.maxLoginBackoff();
        }
        nextLoginAttempt = now.plus(wait);
        lastFailure = failure;
        LOG.warn("Vault login failed ({} in a row, next attempt in {}): {}", consecutiveFailures, wait,
                failure.getMessage());
        if (!(failure instanceof RootTokenRefusedException)) {
            emit(new VaultClientEvent.LoginFailed(auth.method(), failure.getMessage()));
        }
    }

    private Lookup lookupSelf(VaultToken token) {
        try {
            return new Lookup(TokenResponses.lookup(transport.execute(VaultRequest.get(LOOKUP_SELF), token)), false);
        } catch (VaultPermissionDeniedException e) {
            return new Lookup(null, e.isInvalidToken());
        }
    }

    // ---- renewal ----

    private void install(Session fresh) {
        cancelPending();
        session = fresh;
        scheduleNext(fresh, fresh.ttl(), fresh.renewable());
    }

    private void scheduleNext(Session s, Duration ttl, boolean renew) {
        cancelPending();
        if (ttl.isZero()) {
            return;
        }
        Duration delay = ttl.multipliedBy(2).dividedBy(3);
        long gen = s.generation();
        if (renew) {
            pending = scheduler.schedule(() -> renew(gen), delay);
        } else if (auth.canLogInAgain()) {
            pending = scheduler.schedule(() -> logInAgain(gen, "the token cannot be renewed"), delay);
        }
    }

    private void renew(long gen) {
        synchronized (lock) {
            Session s = session;
            if (closed || s == null || s.generation() != gen || s.dead()) {
                return;
            }
            pending = null;
            TokenResponses.Renewal renewal;
            try {
                renewal = TokenResponses.renewal(transport.execute(VaultRequest.post(RENEW_SELF, Map.of()), s.token()));
            } catch (VaultException e) {
                renewalFailed(s, e);
                return;
            }
            Duration ttl = renewal.ttl();
            Instant now = clock.instant();
            session = s.renewed(ttl.isZero() ? null : now.plus(ttl), renewal.renewable());
            LOG.debug("Renewed the Vault token (accessor {}), ttl {}", s.accessor(), ttl);
            emit(new VaultClientEvent.TokenRenewed(s.accessor(), ttl));
            boolean capped = ttl.plusSeconds(1).compareTo(s.ttl()) < 0;
            if (capped) {
                LOG.info("The token (accessor {}) reached its max TTL ({} left): logging in again before it expires",
                        s.accessor(), ttl);
            }
            scheduleNext(session, ttl, renewal.renewable() && !(capped && auth.canLogInAgain()));
        }
    }

    private void renewalFailed(Session s, VaultException e) {
        TokenRenewalException failure = new TokenRenewalException(s.accessor(), reason(e), e);
        LOG.warn("{}", failure.getMessage());
        emit(new VaultClientEvent.TokenRenewalFailed(failure.getMessage()));
        if (e instanceof VaultPermissionDeniedException) {
            emit(new VaultClientEvent.TokenExpired(s.accessor()));
            markDead(s);
        } else if (e.isRetryable() && s.expiresAt() != null) {
            Duration left = Duration.between(clock.instant(), s.expiresAt());
            if (left.compareTo(Duration.ofSeconds(10)) > 0) {
                // Vault is briefly unavailable: try again halfway to the expiry
                long gen = s.generation();
                pending = scheduler.schedule(() -> renew(gen), left.dividedBy(2));
                return;
            }
        } else {
            // 400 "lease is not renewable", "invalid lease ID", batch token: renewal can never work for this token
            session = s.renewed(s.expiresAt(), false);
        }
        if (auth.canLogInAgain()) {
            refreshDue = true;
            tryLogin("renewal failed");
        }
    }

    private void logInAgain(long gen, String why) {
        synchronized (lock) {
            Session s = session;
            if (closed || s == null || s.generation() != gen) {
                return;
            }
            pending = null;
            refreshDue = true;
            tryLogin(why);
        }
    }

    private void tryLogin(String why) {
        LOG.info("Logging in to Vault again: {}", why);
        try {
            refresh(session);
        } catch (VaultException e) {
            // already logged and counted; the next request retries after the back-off
            LOG.debug("Background login failed: {}", e.getMessage());
        }
    }

    private void markDead(Session s) {
        cancelPending();
        session = s.markDead();
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void revoke(Session s) {
        try {
            transport.execute(VaultRequest.post(REVOKE_SELF, Map.of()), s.token());
            LOG.info("Revoked the Vault token (accessor {})", s.accessor());
        } catch (VaultException e) {
            LOG.warn("Cannot revoke the Vault token (accessor {}): {}", s.accessor(), e.getMessage());
        }
    }

    private static String reason(VaultException e) {
        return e instanceof VaultResponseException r && !r.errors().isEmpty() ? String.join("; ", r.errors())
                : e.getMessage();
    }

    private void emit(VaultClientEvent event) {
        try {
            options.listener().onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("Vault client listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The Vault session is closed");
        }
    }

    private record Lookup(TokenInfo info, boolean invalidToken) {
    }

    /** One token and what is known about it; replaced, never mutated. */
    private record Session(VaultToken token, TokenInfo info, boolean loggedIn, boolean lookupWorks, boolean renewable,
                           Duration ttl, Instant expiresAt, boolean dead, long generation, boolean batch) {

        String accessor() {
            return token.accessor();
        }

        Session withInfo(TokenInfo newInfo) {
            return new Session(token, newInfo, loggedIn, true, renewable, ttl, expiresAt, dead, generation, batch);
        }

        Session renewed(Instant newExpiry, boolean stillRenewable) {
            return new Session(token, info, loggedIn, lookupWorks, stillRenewable, ttl, newExpiry, dead, generation,
                    batch);
        }

        Session markDead() {
            return new Session(token, info, loggedIn, lookupWorks, false, ttl, expiresAt, true, generation, batch);
        }
    }
}

package io.vaultpki.client.session;

import io.vaultpki.client.VaultException;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps the session's token alive in the background: one pending task at a time, timed by {@link TokenTiming}, that
 * renews the token or, when it cannot be renewed (any more), asks the session to log in again. Tasks run under the
 * session's lock and do nothing when the token they were scheduled for has been replaced meanwhile.
 */
final class Renewals {

    /** What the renewals need from the session that owns them; called under the session's lock. */
    interface Owner {

        /** The current session, or null when there is none or the session manager is closed. */
        Session current();

        void replace(Session session);

        /** Forgets a token Vault rejected (and cancels the pending task). */
        void markDead(Session session);

        /** Logs in again now; a failure is logged and left to the login back-off. */
        void logInAgain(String why);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final Object lock;
    private final Owner owner;
    private final TokenSelf self;
    private final VaultAuthentication auth;
    private final RenewalScheduler scheduler;
    private final TokenTiming timing;
    private final Clock clock;
    private final SessionEvents events;
    private RenewalScheduler.Scheduled pending;

    Renewals(Object lock, Owner owner, TokenSelf self, VaultAuthentication auth, RenewalScheduler scheduler,
             TokenTiming timing, Clock clock, SessionEvents events) {
        this.lock = lock;
        this.owner = owner;
        this.self = self;
        this.auth = auth;
        this.scheduler = scheduler;
        this.timing = timing;
        this.clock = clock;
        this.events = events;
    }

    /** Plans the next step for a token just obtained. */
    void follow(Session fresh) {
        scheduleNext(fresh, fresh.ttl(), fresh.renewable());
    }

    /** Cancels the pending task, if any. */
    void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void scheduleNext(Session s, Duration ttl, boolean renew) {
        cancel();
        Optional<Duration> delay = timing.nextRefresh(ttl);
        if (delay.isEmpty()) {
            return;
        }
        long gen = s.generation();
        if (renew) {
            pending = scheduler.schedule(() -> renew(gen), delay.get());
        } else if (auth.canLogInAgain()) {
            pending = scheduler.schedule(() -> logInAgain(gen, "the token cannot be renewed"), delay.get());
        }
    }

    private void renew(long gen) {
        synchronized (lock) {
            Session s = owner.current();
            if (s == null || s.generation() != gen || s.dead()) {
                return;
            }
            pending = null;
            TokenResponses.Renewal renewal;
            try {
                renewal = self.renew(s.token());
            } catch (VaultException e) {
                renewalFailed(s, e);
                return;
            }
            Duration ttl = renewal.ttl();
            Session renewed = s.renewed(timing.expiry(clock.instant(), ttl), renewal.renewable());
            owner.replace(renewed);
            LOG.debug("Renewed the Vault token (accessor {}), ttl {}", s.accessor(), ttl);
            events.emit(new VaultClientEvent.TokenRenewed(s.accessor(), ttl));
            boolean capped = timing.reachedMaxTtl(ttl, s.ttl());
            if (capped) {
                LOG.info("The token (accessor {}) reached its max TTL ({} left): logging in again before it expires",
                        s.accessor(), ttl);
            }
            scheduleNext(renewed, ttl, renewal.renewable() && !(capped && auth.canLogInAgain()));
        }
    }

    private void renewalFailed(Session s, VaultException e) {
        TokenRenewalException failure = new TokenRenewalException(s.accessor(), reason(e), e);
        LOG.warn("{}", failure.getMessage());
        events.emit(new VaultClientEvent.TokenRenewalFailed(failure.getMessage()));
        if (e instanceof VaultPermissionDeniedException) {
            events.emit(new VaultClientEvent.TokenExpired(s.accessor()));
            owner.markDead(s);
        } else if (e.isRetryable() && s.expiresAt() != null) {
            Optional<Duration> retry = timing.renewalRetry(clock.instant(), s.expiresAt());
            if (retry.isPresent()) {
                // Vault is briefly unavailable: keep the token and try again later
                long gen = s.generation();
                pending = scheduler.schedule(() -> renew(gen), retry.get());
                return;
            }
        } else {
            // 400 "lease is not renewable", "invalid lease ID", batch token: renewal can never work for this token
            owner.replace(s.renewed(s.expiresAt(), false));
        }
        if (auth.canLogInAgain()) {
            owner.logInAgain("renewal failed");
        }
    }

    private void logInAgain(long gen, String why) {
        synchronized (lock) {
            Session s = owner.current();
            if (s == null || s.generation() != gen) {
                return;
            }
            pending = null;
            owner.logInAgain(why);
        }
    }

    private static String reason(VaultException e) {
        return e instanceof VaultResponseException r && !r.errors().isEmpty() ? String.join("; ", r.errors())
                : e.getMessage();
    }
}

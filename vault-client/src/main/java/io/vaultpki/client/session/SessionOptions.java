package io.vaultpki.client.session;

import io.vaultpki.client.event.VaultClientListener;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SessionManager} behaves. Build with {@link #builder()}; every setting has a default.
 *
 * @param clock              time source for TTLs and login back-off
 * @param scheduler          runs renewals, or null to let the session own a daemon scheduler
 * @param allowRootToken     accept a root token ({@code vault.allow-root-token}); off by default (least privilege)
 * @param listener           receives lifecycle events
 * @param revokeOnClose      revoke, on close, a token the session obtained by logging in itself
 * @param loginBackoff       wait after the first failed login before trying again; doubles up to
 *                           {@code maxLoginBackoff}
 * @param maxLoginBackoff    longest wait between failed logins
 */
public record SessionOptions(Clock clock, RenewalScheduler scheduler, boolean allowRootToken,
                             VaultClientListener listener, boolean revokeOnClose, Duration loginBackoff,
                             Duration maxLoginBackoff) {

    public static final Duration DEFAULT_LOGIN_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_LOGIN_BACKOFF = Duration.ofMinutes(1);

    public SessionOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        if (loginBackoff == null || loginBackoff.isNegative()) {
            throw new IllegalArgumentException("vault.session.login-backoff must not be negative");
        }
        if (maxLoginBackoff == null || maxLoginBackoff.compareTo(loginBackoff) < 0) {
            throw new IllegalArgumentException("vault.session.max-login-backoff must be at least the login back-off");
        }
    }

    public static SessionOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link SessionOptions}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private RenewalScheduler scheduler;
        private boolean allowRootToken;
        private VaultClientListener listener = VaultClientListener.NONE;
        private boolean revokeOnClose = true;
        private Duration loginBackoff = DEFAULT_LOGIN_BACKOFF;
        private Duration maxLoginBackoff = DEFAULT_MAX_LOGIN_BACKOFF;

        private Builder() {
        }

        /** Time source for TTLs and back-off; share the emulator's clock in tests. Default: system UTC. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Runs renewals; default: a daemon thread owned and stopped by the session. */
        public Builder scheduler(RenewalScheduler value) {
            this.scheduler = value;
            return this;
        }

        /** Accept a root token ({@code vault.allow-root-token}); default false. */
        public Builder allowRootToken(boolean value) {
            this.allowRootToken = value;
            return this;
        }

        /** Receives lifecycle events; default: none. */
        public Builder listener(VaultClientListener value) {
            this.listener = value;
            return this;
        }

        /** Revoke a token the session logged in for itself when it closes; default true. */
        public Builder revokeOnClose(boolean value) {
            this.revokeOnClose = value;
            return this;
        }

        /** First wait after a failed login and the cap it doubles up to; default 1 s and 1 min. */
        public Builder loginBackoff(Duration initial, Duration max) {
            this.loginBackoff = initial;
            this.maxLoginBackoff = max;
            return this;
        }

        /** Validates and builds the options. */
        public SessionOptions build() {
            return new SessionOptions(clock, scheduler, allowRootToken, listener, revokeOnClose, loginBackoff,
                    maxLoginBackoff);
        }
    }
}

package io.vaultpki.client.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the session acts on its token's lifetime, in one place (the role spring-vault gives its {@code RefreshTrigger}):
 * when to renew, when to retry a renewal that failed for a passing reason, and how to tell that a renewal was capped by
 * the token's max TTL. Vault's token lifetimes: https://developer.hashicorp.com/vault/docs/concepts/tokens and
 * docs/vault-compatibility.md#client-tokens-and-logins.
 */
final class TokenTiming {

    static final TokenTiming DEFAULT = new TokenTiming(Duration.ofSeconds(10), Duration.ofSeconds(1));

    private final Duration renewalRetryFloor;
    private final Duration maxTtlTolerance;

    /**
     * @param renewalRetryFloor a failed renewal is retried only while more than this is left before the expiry
     * @param maxTtlTolerance   a renewed TTL shorter than the starting TTL by more than this was capped
     */
    TokenTiming(Duration renewalRetryFloor, Duration maxTtlTolerance) {
        this.renewalRetryFloor = renewalRetryFloor;
        this.maxTtlTolerance = maxTtlTolerance;
    }

    /**
     * When to renew a token with {@code ttl} left (or, when it cannot be renewed, log in again): after two thirds
     * of it, so a third of the lifetime remains for retries. Empty for a token that does not expire (zero TTL).
     */
    Optional<Duration> nextRefresh(Duration ttl) {
        return ttl.isZero() ? Optional.empty() : Optional.of(ttl.multipliedBy(2).dividedBy(3));
    }

    /**
     * When to retry a renewal that failed because Vault was briefly unavailable: halfway to the expiry while more
     * than the floor (10 s) is left; empty when less is left, which means: log in again now.
     */
    Optional<Duration> renewalRetry(Instant now, Instant expiresAt) {
        Duration left = Duration.between(now, expiresAt);
        return left.compareTo(renewalRetryFloor) > 0 ? Optional.of(left.dividedBy(2)) : Optional.empty();
    }

    /**
     * Whether a renewal ran into the token's max TTL: Vault then returns less than the TTL the token started with
     * (more than a second less, so the seconds lost between the calls do not count). Renewing again could not reach
     * the next renewal point, so the session logs in again before the hard expiry instead.
     */
    boolean reachedMaxTtl(Duration renewedTtl, Duration initialTtl) {
        return renewedTtl.plus(maxTtlTolerance).compareTo(initialTtl) < 0;
    }

    /** When a token with {@code ttl} left at {@code now} expires; null for a zero TTL (it does not expire). */
    Instant expiry(Instant now, Duration ttl) {
        return ttl.isZero() ? null : now.plus(ttl);
    }
}

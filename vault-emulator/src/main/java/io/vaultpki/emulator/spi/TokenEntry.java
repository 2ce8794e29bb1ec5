package io.vaultpki.emulator.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A token known to the emulator's token store. Immutable; renewal replaces the entry.
 *
 * @param id               the token string ({@code hvs.} / {@code hvb.} prefixed)
 * @param accessor         accessor ({@code ""} for batch tokens)
 * @param policies         token policies, sorted; contains {@code root} for root tokens
 * @param path             creation path, e.g. {@code auth/token/root}, {@code auth/approle/login}
 * @param displayName      e.g. {@code root}, {@code approle}, {@code kubernetes-ns-sa}
 * @param meta             login metadata, {@code null} for root
 * @param namespace        namespace the token belongs to, {@code ""} for root namespace
 * @param type             {@code service} or {@code batch}
 * @param issueTime        creation time
 * @param creationTtlSeconds TTL at creation, 0 for no expiry
 * @param expireTime       expiry, {@code null} when the token never expires
 * @param explicitMaxTtlSeconds explicit max TTL, 0 when unset
 * @param maxTtlSeconds    effective max TTL (mount/system max) used to cap renewals, 0 when unlimited
 * @param renewable        whether renew-self may extend it
 * @param hasLease         false for root tokens made by init/generate-root (renew-self says "invalid lease ID")
 * @param orphan           orphan flag
 * @param entityId         entity id, {@code ""} for root
 * @param lastRenewalTime  last renewal, {@code null} when never renewed
 */
public record TokenEntry(
        String id,
        String accessor,
        List<String> policies,
        String path,
        String displayName,
        Map<String, String> meta,
        String namespace,
        String type,
        Instant issueTime,
        long creationTtlSeconds,
        Instant expireTime,
        long explicitMaxTtlSeconds,
        long maxTtlSeconds,
        boolean renewable,
        boolean hasLease,
        boolean orphan,
        String entityId,
        Instant lastRenewalTime) {

    public boolean isRoot() {
        return policies.contains("root");
    }

    public boolean isExpired(Instant now) {
        return expireTime != null && !now.isBefore(expireTime);
    }
}

package io.vaultpki.monitor.refresh;

import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.monitor.pkihealth.EngineHealth;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the monitor remembers of one engine between refreshes, so that a steady-state refresh reads only what may
 * have changed: the {@code LIST issuers} entry each issuer was read with, each CRL and when it was read, Vault's
 * time of the last full CRL pass (for {@code If-Modified-Since}), a fingerprint of the revoked serials, and the
 * last leaf step's {@link LeafCertificate}s (a serial's certificate never changes). Only what the metrics need is
 * kept, never a parsed certificate, and the leaves are the published snapshot's own list. Thread-safe: the reads of
 * one engine run concurrently.
 */
final class EngineMemory {

    /**
     * An issuer whose {@code LIST issuers} entry did not change is read again after this long at most, spread per
     * issuer over its second half, so settings {@code key_info} does not show (e.g. {@code leaf_not_after_behavior})
     * are never stale for long and the re-reads do not come all in one refresh.
     */
    static final Duration ISSUER_REREAD_AFTER = Duration.ofHours(1);

    /** One CRL (shared by issuers with the same key and subject) as last read; {@code info} empty: it has none. */
    record CrlMemo(Optional<CrlInfo> info, Instant readAt) {

        /**
         * Without a conditional read, when the CRL may have been rebuilt by Vault on its own (auto-rebuild,
         * {@code crl/rotate}): after a tenth of the validity it had left when read, so a new CRL shows within 10 % of
         * the remaining time, and every refresh once {@code nextUpdate} has passed (or without one).
         */
        Instant dueAt() {
            Optional<Instant> next = info.flatMap(CrlInfo::nextUpdate);
            if (next.isEmpty() || !next.get().isAfter(readAt)) {
                return readAt;
            }
            return readAt.plus(Duration.between(readAt, next.get()).dividedBy(10));
        }
    }

    private final Map<String, IssuerSummary> issuerReadWith = new ConcurrentHashMap<>();
    private final Map<String, Instant> issuerReadAt = new ConcurrentHashMap<>();
    private final Map<String, String> keyIds = new ConcurrentHashMap<>();
    private final Map<String, CrlMemo> crls = new ConcurrentHashMap<>();
    private volatile Instant crlSince;
    private volatile byte[] revokedFingerprint;
    /** The last leaf step's leaves, sorted by serial ({@link Supersession#BY_SERIAL}): also the lookup index. */
    private volatile List<LeafCertificate> leavesBySerial = List.of();
    private final Set<String> caSerials = ConcurrentHashMap.newKeySet();
    /** The engine's latest health-check run, carried into every snapshot until the next run replaces it. */
    private volatile EngineHealth health;

    // ---- issuers

    /** Whether the issuer may be reused: read before with this very {@code LIST issuers} entry, and not due. */
    boolean issuerUnchanged(IssuerSummary summary, Instant now) {
        Instant readAt = issuerReadAt.get(summary.id());
        return summary.equals(issuerReadWith.get(summary.id())) && readAt != null
                && now.isBefore(readAt.plus(rereadAfter(summary.id())));
    }

    void issuerRead(IssuerSummary summary, String keyId, Instant now) {
        issuerReadWith.put(summary.id(), summary);
        issuerReadAt.put(summary.id(), now);
        keyId(summary.id(), keyId);
    }

    /** Forgets an issuer whose read failed, so the next refresh reads it again. */
    void forgetIssuer(String id) {
        issuerReadWith.remove(id);
        issuerReadAt.remove(id);
    }

    void keyId(String issuerId, String keyId) {
        if (keyId != null && !keyId.isEmpty()) {
            keyIds.put(issuerId, keyId);
        }
    }

    /** The issuer's key ID, {@code ""} when unknown or key-less. */
    String keyId(String issuerId) {
        return keyIds.getOrDefault(issuerId, "");
    }

    /** Forgets issuers Vault no longer lists. */
    void retainIssuers(Set<String> ids) {
        issuerReadWith.keySet().retainAll(ids);
        issuerReadAt.keySet().retainAll(ids);
        keyIds.keySet().retainAll(ids);
    }

    private static Duration rereadAfter(String id) {
        long half = ISSUER_REREAD_AFTER.toMillis() / 2;
        return Duration.ofMillis(half + Math.floorMod(id.hashCode(), half));
    }

    // ---- CRLs

    Optional<CrlMemo> crl(String group) {
        return Optional.ofNullable(crls.get(group));
    }

    void crlRead(String group, CrlMemo memo) {
        crls.put(group, memo);
    }

    void retainCrls(Set<String> groups) {
        crls.keySet().retainAll(groups);
    }

    /** Vault's time of the last CRL pass that read every CRL of the mount, for the next {@code If-Modified-Since}. */
    Optional<Instant> crlSince() {
        return Optional.ofNullable(crlSince);
    }

    void crlSince(Instant since) {
        crlSince = since;
    }

    /** Whether the revoked serials differ from the last ones seen (true the first time); remembers them. */
    boolean revokedChanged(byte[] fingerprint) {
        boolean changed = revokedFingerprint == null || !Arrays.equals(revokedFingerprint, fingerprint);
        revokedFingerprint = fingerprint;
        return changed;
    }

    void forgetRevoked() {
        revokedFingerprint = null;
    }

    // ---- leaves

    /** The leaf with this serial as last read, or null; a binary search, so the memory needs no map. */
    LeafCertificate leaf(String serial) {
        List<LeafCertificate> sorted = leavesBySerial;
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = sorted.get(mid).serial().compareTo(serial);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return sorted.get(mid);
            }
        }
        return null;
    }

    /** The leaves of the last leaf step, sorted by serial: the snapshot's own list, so no second copy is kept. */
    void leaves(List<LeafCertificate> sortedBySerial) {
        leavesBySerial = sortedBySerial;
    }

    boolean isCa(String serial) {
        return caSerials.contains(serial);
    }

    void ca(String serial) {
        caSerials.add(serial);
    }

    /**
     * Forgets CA serials Vault no longer lists (tidied), so the memory never outgrows the stores; {@code listed}
     * is sorted.
     */
    void retainSerials(List<String> listed) {
        caSerials.removeIf(serial -> java.util.Collections.binarySearch(listed, serial) < 0);
    }

    // ---- health checks

    Optional<EngineHealth> health() {
        return Optional.ofNullable(health);
    }

    void health(EngineHealth latest) {
        health = latest;
    }
}

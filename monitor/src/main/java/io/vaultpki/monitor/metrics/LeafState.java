package io.vaultpki.monitor.metrics;

import io.vaultpki.monitor.refresh.LeafCertificate;

import java.time.Instant;
import java.util.Locale;

/**
 * The {@code state} label of {@code vault_pki_certificates}: each certificate counts once, the first that applies
 * of revoked, expired, superseded, valid. Time-relative, so decided at scrape time (to the second on {@code /metrics}).
 */
public enum LeafState {
    VALID, EXPIRED, REVOKED, SUPERSEDED;

    public static LeafState of(LeafCertificate leaf, Instant now) {
        if (leaf.revokedAt().isPresent()) {
            return REVOKED;
        }
        if (!leaf.notAfter().isAfter(now)) {
            return EXPIRED;
        }
        return leaf.superseded() ? SUPERSEDED : VALID;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

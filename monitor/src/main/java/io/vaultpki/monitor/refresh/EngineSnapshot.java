package io.vaultpki.monitor.refresh;

import io.vaultpki.monitor.pkihealth.EngineHealth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One PKI secrets engine (mount).
 *
 * @param engine        the label value: mount path with its trailing slash as Vault lists it ({@code pki/},
 *                      {@code team/a/pki/}), prefixed with the namespace only inside a namespace ({@code ns1/pki/})
 * @param namespace     namespace with trailing slash, {@code ""} for the root namespace
 * @param mountPath     mount path relative to the namespace, with trailing slash
 * @param up            the last refresh of this engine fully succeeded
 * @param lastSuccess   end of the last fully successful refresh of this engine
 * @param issuers       issuers, sorted by id; kept from the last good refresh when this one failed
 * @param crls          one per issuer that has a CRL
 * @param leaves        leaf certificates (empty when leaf collection is off)
 * @param leavesCollected whether leaf collection ran for this engine (false when switched off)
 * @param errors        what failed in the last refresh of this engine (empty when up)
 * @param health        the engine's latest PKI health-check run; empty until the first one (or with checks off)
 */
public record EngineSnapshot(String engine, String namespace, String mountPath, boolean up,
                             Optional<Instant> lastSuccess, List<IssuerInfo> issuers, List<CrlInfo> crls,
                             List<LeafCertificate> leaves, boolean leavesCollected, List<RefreshError> errors,
                             Optional<EngineHealth> health) {

    public EngineSnapshot {
        issuers = List.copyOf(issuers);
        crls = List.copyOf(crls);
        leaves = List.copyOf(leaves);
        errors = List.copyOf(errors);
        health = health == null ? Optional.empty() : health;
    }

    /** An engine no health check has run for yet. */
    public EngineSnapshot(String engine, String namespace, String mountPath, boolean up,
                          Optional<Instant> lastSuccess, List<IssuerInfo> issuers, List<CrlInfo> crls,
                          List<LeafCertificate> leaves, boolean leavesCollected, List<RefreshError> errors) {
        this(engine, namespace, mountPath, up, lastSuccess, issuers, crls, leaves, leavesCollected, errors,
                Optional.empty());
    }

    /** This engine with the result of a health-check run (the latest one). */
    public EngineSnapshot withHealth(EngineHealth latest) {
        return new EngineSnapshot(engine, namespace, mountPath, up, lastSuccess, issuers, crls, leaves,
                leavesCollected, errors, Optional.of(latest));
    }
}

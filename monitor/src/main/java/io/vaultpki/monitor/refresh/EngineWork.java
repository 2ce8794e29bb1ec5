package io.vaultpki.monitor.refresh;

import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.client.pki.PkiOperations;
import io.vaultpki.client.sys.SysOperations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One engine's refresh while it runs through the steps ({@link IssuerStep}, {@link CrlStep}, {@link LeafStep}):
 * what each step found, what failed, and the previous refresh's data to keep for a part that failed. Whatever fails
 * keeps that part's previous data and marks the engine not up, except an object whose answer does not parse
 * ({@code parse_error}), which is left out and reported with its path while the engine stays up. Each step runs on
 * one thread at a time; the error lists take concurrent reads.
 */
final class EngineWork {

    final String engine;
    final String namespace;
    final String mountPath;
    final PkiOperations pki;
    /** The sys operations of the engine's namespace (its tune, for the health checks). */
    final SysOperations sys;
    /** Conditional CRL reads can work: the tune passes {@code If-Modified-Since} and Vault is 1.12 or later. */
    final boolean conditionalCrls;
    final Optional<EngineSnapshot> previous;
    final EngineMemory memory;

    private final List<RefreshError> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<RefreshError> unparsable = Collections.synchronizedList(new ArrayList<>());
    /** From {@code LIST issuers}; null when the listing failed (the later steps then do nothing). */
    List<IssuerSummary> summaries;
    /** Why {@code LIST issuers} failed in this refresh, null when it did not. */
    RuntimeException issuersFailure;
    /** How many serials {@code LIST certs} returned in this refresh; -1 when the leaf step did not list them. */
    long listedCerts = -1;
    boolean legacy;
    List<IssuerInfo> issuers;
    /** Null until the CRL step ran. */
    List<CrlInfo> crls;
    /** Serial → revocation time from the CRLs read in this refresh (only those that changed). */
    Map<String, Instant> revokedFromCrls = Map.of();
    /** Null until the leaf step ran; the previous leaves when it failed. */
    List<LeafCertificate> leaves;

    EngineWork(String engine, String namespace, String mountPath, PkiOperations pki, SysOperations sys,
               boolean conditionalCrls, Optional<EngineSnapshot> previous, EngineMemory memory) {
        this.engine = engine;
        this.namespace = namespace;
        this.mountPath = mountPath;
        this.pki = pki;
        this.sys = sys;
        this.conditionalCrls = conditionalCrls;
        this.previous = previous;
        this.memory = memory;
    }

    boolean issuersListed() {
        return summaries != null;
    }

    /** A failed object read: an unparsable object is left out with the engine up, anything else marks it down. */
    void error(RefreshError error) {
        (error.reason() == FailureReason.PARSE_ERROR ? unparsable : errors).add(error);
    }

    /** A failed listing: whatever the reason, what the engine holds is unknown, so it is not up. */
    void listingError(RefreshError error) {
        errors.add(error);
    }

    List<IssuerInfo> previousIssuers() {
        return previous.map(EngineSnapshot::issuers).orElse(List.of());
    }

    List<CrlInfo> previousCrls() {
        return previous.map(EngineSnapshot::crls).orElse(List.of());
    }

    List<LeafCertificate> previousLeaves() {
        return previous.map(EngineSnapshot::leaves).orElse(List.of());
    }

    /**
     * The engine as far as the steps got. {@code complete} false is the first refresh's early snapshot: leaves not
     * collected yet. Parts a step did not produce (failed listing) are the previous refresh's.
     */
    EngineSnapshot snapshot(boolean complete, boolean leavesEnabled, Instant now) {
        List<IssuerInfo> is = issuersListed() && issuers != null ? issuers : previousIssuers();
        List<CrlInfo> cs = crls != null ? crls : previousCrls();
        List<LeafCertificate> ls;
        boolean collected;
        if (!complete || !leavesEnabled) {
            ls = List.of();
            collected = false;
        } else if (leaves != null) {
            ls = leaves;
            collected = true;
        } else {
            ls = previousLeaves();
            collected = previous.map(EngineSnapshot::leavesCollected).orElse(true);
        }
        List<RefreshError> all;
        boolean up;
        synchronized (errors) {
            up = errors.isEmpty();
            all = new ArrayList<>(errors);
        }
        all.addAll(unparsable);
        return new EngineSnapshot(engine, namespace, mountPath, up,
                up ? Optional.of(now) : previous.flatMap(EngineSnapshot::lastSuccess), is, cs, ls, collected, all,
                memory.health());
    }
}

package io.vaultpki.monitor.refresh;

import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.pki.CertificateRecord;
import io.vaultpki.client.pki.Issuer;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.client.pki.MultiIssuerUnsupportedException;
import io.vaultpki.client.pki.PkiOperations;

import java.math.BigInteger;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Refreshes one PKI engine: issuers, their CRLs, then leaves. Steady state costs one {@code LIST issuers}, one read
 * per issuer and CRL and one {@code LIST certs}: a certificate is read only the first time its serial is listed,
 * and its revocation comes from the CRLs. Whatever fails keeps the previous refresh's data for that part and marks
 * the engine not up, with two exceptions: an object whose answer does not parse ({@code parse_error}: a garbage
 * issuer certificate, CRL or stored certificate, an invalid serial) is left out and reported with its path while
 * the engine stays up, since the rest of the engine was read fine; and a Vault found unavailable as a whole
 * ({@link VaultCalls.VaultDown}) ends the refresh of every engine at once.
 */
final class EngineRefresher {

    /**
     * The single CA of a pre-1.11 mount, which has no issuer IDs: it is labelled {@code issuer="default"}, the
     * reference Vault 1.11+ resolves to the same CA after the upgrade migrates it.
     */
    static final IssuerSummary LEGACY_ISSUER = new IssuerSummary("default", "", true, "", "");

    private final ExecutorService reads;
    private final CertificateCache cache;
    private final RefreshMetrics metrics;
    private final boolean leavesEnabled;
    private final Clock clock;

    EngineRefresher(CertificateCache cache, RefreshMetrics metrics, boolean leavesEnabled, Clock clock,
                    ExecutorService reads) {
        this.reads = reads;
        this.cache = cache;
        this.metrics = metrics;
        this.leavesEnabled = leavesEnabled;
        this.clock = clock;
    }

    /**
     * @throws VaultCalls.VaultDown when Vault turned out to be unavailable as a whole during this refresh
     */
    EngineSnapshot refresh(VaultCalls calls, PkiOperations pki, String engine, String namespace, String mountPath,
                           Optional<EngineSnapshot> previous) {
        List<RefreshError> errors = Collections.synchronizedList(new ArrayList<>());
        List<RefreshError> unparsable = Collections.synchronizedList(new ArrayList<>());
        List<IssuerInfo> oldIssuers = previous.map(EngineSnapshot::issuers).orElse(List.of());
        List<CrlInfo> oldCrls = previous.map(EngineSnapshot::crls).orElse(List.of());
        List<LeafCertificate> oldLeaves = previous.map(EngineSnapshot::leaves).orElse(List.of());

        List<IssuerSummary> summaries;
        boolean legacy = false;
        try {
            summaries = calls.call("list_issuers", pki::listIssuers);
        } catch (MultiIssuerUnsupportedException e) {
            // Vault before 1.11 has no issuers API (LIST answers 404 "unsupported path"): one CA per mount,
            // read from cert/ca and crl. Multi-issuer PKI arrived in 1.11.0:
            // https://developer.hashicorp.com/vault/api-docs/secret/pki#notice-about-new-multi-issuer-functionality
            legacy = true;
            summaries = List.of(LEGACY_ISSUER);
        } catch (RuntimeException e) {
            errors.add(error(engine, e, VaultPaths.join(pki.mount(), "issuers")));
            return new EngineSnapshot(engine, namespace, mountPath, false,
                    previous.flatMap(EngineSnapshot::lastSuccess), oldIssuers, oldCrls, oldLeaves,
                    previous.map(EngineSnapshot::leavesCollected).orElse(leavesEnabled), errors);
        }

        Map<String, IssuerInfo> previousIssuers = byKey(oldIssuers, IssuerInfo::id);
        List<IssuerInfo> issuers = Collections.synchronizedList(new ArrayList<>());
        boolean legacyMount = legacy;
        forEachConcurrently(summaries, summary -> {
            try {
                if (legacyMount) {
                    calls.call("read_issuer", pki::readDefaultCa).ifPresent(ca ->
                            issuers.add(issuerInfo(summary.id(), "", true, "", ca)));
                } else {
                    Issuer issuer = calls.call("read_issuer", () -> pki.readIssuer(summary.id()));
                    issuers.add(issuerInfo(summary.id(), Objects.requireNonNullElse(issuer.name(), ""),
                            summary.isDefault(), Objects.requireNonNullElse(issuer.leafNotAfterBehavior(), ""),
                            issuer.certificate()));
                }
            } catch (RuntimeException e) {
                RefreshError error = error(engine, e, issuerPath(pki, summary.id(), legacyMount));
                if (error.reason() == FailureReason.PARSE_ERROR) {
                    unparsable.add(error); // its series go: the last good dates describe another certificate
                } else {
                    errors.add(error);
                    Optional.ofNullable(previousIssuers.get(summary.id())).ifPresent(issuers::add);
                }
            }
        });
        issuers.sort(Comparator.comparing(IssuerInfo::id));

        Map<String, CrlInfo> previousCrls = byKey(oldCrls, CrlInfo::issuerId);
        List<CrlInfo> crls = Collections.synchronizedList(new ArrayList<>());
        Map<BigInteger, java.time.Instant> revoked = new ConcurrentHashMap<>();
        forEachConcurrently(summaries, summary -> {
            try {
                ParsedCrl crl = calls.call("read_crl", () -> legacyMount ? pki.readCrl() : pki.readIssuerCrl(summary.id()));
                crls.add(new CrlInfo(summary.id(), crl.thisUpdate(), crl.nextUpdate(), crl.crlNumber(),
                        crl.revokedCount(), crl.sizeBytes()));
                Set<? extends X509CRLEntry> entries = crl.crl().getRevokedCertificates();
                if (entries != null) {
                    entries.forEach(entry -> revoked.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant()));
                }
            } catch (VaultNotFoundException e) {
                // an issuer without a CRL (e.g. an imported one without its key) is not a failure
            } catch (RuntimeException e) {
                RefreshError error = error(engine, e, crlPath(pki, summary.id(), legacyMount));
                if (error.reason() == FailureReason.PARSE_ERROR) {
                    unparsable.add(error);
                } else {
                    errors.add(error);
                    Optional.ofNullable(previousCrls.get(summary.id())).ifPresent(crls::add);
                }
            }
        });
        crls.sort(Comparator.comparing(CrlInfo::issuerId));

        List<LeafCertificate> leaves = leavesEnabled
                ? leaves(calls, pki, engine, issuers, revoked, oldLeaves, errors, unparsable) : List.of();
        boolean up = errors.isEmpty();
        List<RefreshError> all = new ArrayList<>(errors);
        all.addAll(unparsable);
        return new EngineSnapshot(engine, namespace, mountPath, up,
                up ? Optional.of(clock.instant()) : previous.flatMap(EngineSnapshot::lastSuccess),
                issuers, crls, leaves, leavesEnabled, all);
    }

    private List<LeafCertificate> leaves(VaultCalls calls, PkiOperations pki, String engine, List<IssuerInfo> issuers,
                                         Map<BigInteger, java.time.Instant> revoked, List<LeafCertificate> oldLeaves,
                                         List<RefreshError> errors, List<RefreshError> unparsable) {
        List<String> serials;
        String certsPath = VaultPaths.join(pki.mount(), "certs");
        try {
            serials = calls.call("list_certs", pki::listCertificates);
        } catch (RuntimeException e) {
            errors.add(error(engine, e, certsPath));
            return oldLeaves;
        }
        Set<BigInteger> listed = new LinkedHashSet<>();
        for (String serial : serials) {
            try {
                listed.add(SerialNumbers.toBigInteger(serial));
            } catch (IllegalArgumentException e) {
                // the serial itself is never echoed: it is Vault's answer, and hostile input could be anything
                RefreshError error = new RefreshError(engine, FailureReason.PARSE_ERROR,
                        "LIST " + certsPath + " returned an invalid serial", certsPath);
                metrics.error(error);
                unparsable.add(error);
            }
        }
        cache.retain(engine, listed);
        List<KnownCertificate> known = Collections.synchronizedList(new ArrayList<>());
        List<BigInteger> unread = new ArrayList<>();
        for (BigInteger serial : listed) {
            cache.get(engine, serial).ifPresentOrElse(c -> known.add(withRevocation(c, revoked.get(serial))),
                    () -> unread.add(serial));
        }
        forEachConcurrently(unread, serial -> {
            try {
                calls.call("read_cert", () -> pki.readCertificate(SerialNumbers.format(serial)))
                        .map(EngineRefresher::knownCertificate)
                        .ifPresent(c -> known.add(withRevocation(c, revoked.get(serial))));
            } catch (RuntimeException e) {
                RefreshError error = error(engine, e,
                        VaultPaths.join(pki.mount(), "cert", SerialNumbers.format(serial)));
                (error.reason() == FailureReason.PARSE_ERROR ? unparsable : errors).add(error);
            }
        });
        known.forEach(c -> cache.put(engine, SerialNumbers.toBigInteger(c.serial()), c));
        return Supersession.mark(known.stream().filter(c -> !c.ca()).map(c -> leaf(c, issuers)).toList());
    }

    private static KnownCertificate withRevocation(KnownCertificate certificate, java.time.Instant fromCrl) {
        if (certificate.revokedAt().isPresent() || fromCrl == null) {
            return certificate;
        }
        return new KnownCertificate(certificate.serial(), certificate.ca(), certificate.issuerId(),
                certificate.issuerDn(), certificate.commonName(), certificate.ou(), certificate.notBefore(),
                certificate.notAfter(), Optional.of(fromCrl));
    }

    private static KnownCertificate knownCertificate(CertificateRecord record) {
        ParsedCertificate c = record.certificate();
        return new KnownCertificate(SerialNumbers.normalize(c.serialNumber()), c.ca(), record.issuerId().orElse(""),
                c.issuerDn(), c.commonName(), String.join(",", c.organizationalUnits()), c.notBefore(), c.notAfter(),
                record.revocationTime());
    }

    private static LeafCertificate leaf(KnownCertificate c, List<IssuerInfo> issuers) {
        String issuerId = c.issuerId();
        if (issuerId.isEmpty()) {
            // Vault before 1.11 does not say which issuer signed a certificate: match on the issuer's subject
            issuerId = issuers.stream().filter(i -> i.subject().equals(c.issuerDn())).map(IssuerInfo::id)
                    .findFirst().orElse("");
        }
        return new LeafCertificate(c.serial(), issuerId, c.commonName(), c.ou(), c.notBefore(), c.notAfter(),
                c.revokedAt(), false);
    }

    private static IssuerInfo issuerInfo(String id, String name, boolean isDefault, String leafNotAfterBehavior,
                                         ParsedCertificate c) {
        return new IssuerInfo(id, name, c.commonName(), c.subjectDn(), SerialNumbers.normalize(c.serialNumber()),
                c.keyType().name().toLowerCase(Locale.ROOT), c.keyBits(), isDefault, c.selfSigned(),
                leafNotAfterBehavior, c.notBefore(), c.notAfter());
    }

    /**
     * Runs {@code task} for every item on the read pool and waits for all: issuers, CRLs and new certificates of one
     * engine are read concurrently (the rate limiter still paces them). Tasks catch Vault failures themselves.
     */
    private <T> void forEachConcurrently(List<T> items, Consumer<T> task) {
        if (items.size() <= 1) {
            items.forEach(task);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(reads.submit(() -> task.accept(item)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new CancellationException("refresh interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof VaultCalls.VaultDown down) {
                    // reads not started yet are dropped; running ones stop at their next call
                    futures.forEach(f -> f.cancel(false));
                    throw down;
                }
                throw new IllegalStateException("a read of the engine refresh failed unexpectedly", e.getCause());
            }
        }
    }

    /**
     * Counts and returns the error of one failed read of the engine, with {@code objectPath} when the exception names
     * no path itself. A {@link VaultCalls.VaultDown} is rethrown: it ends the whole refresh, not this engine's part.
     */
    private RefreshError error(String engine, RuntimeException e, String objectPath) {
        if (e instanceof VaultCalls.VaultDown down) {
            throw down;
        }
        RefreshError error = RefreshError.of(engine, e).withPathIfAbsent(objectPath);
        metrics.error(error);
        return error;
    }

    private static String issuerPath(PkiOperations pki, String id, boolean legacy) {
        return legacy ? VaultPaths.join(pki.mount(), "cert", "ca") : VaultPaths.join(pki.mount(), "issuer", id);
    }

    private static String crlPath(PkiOperations pki, String id, boolean legacy) {
        return legacy ? VaultPaths.join(pki.mount(), "cert", "crl") : VaultPaths.join(pki.mount(), "issuer", id, "crl");
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }
}

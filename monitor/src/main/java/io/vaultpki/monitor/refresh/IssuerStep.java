package io.vaultpki.monitor.refresh;

import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.pki.Issuer;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.client.pki.MultiIssuerUnsupportedException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The issuers of one engine: {@code LIST issuers}, then {@code GET issuer/:id} only for an issuer that is new or
 * whose {@code LIST issuers} entry ({@code key_info}: name, default flag, serial number, key) changed since it was
 * read, or that is due for its hourly re-read ({@link EngineMemory#ISSUER_REREAD_AFTER}); an issuer ID's
 * certificate never changes. A failed listing ends the engine's refresh (its previous data is kept); a failed read
 * keeps that issuer's previous data, an unparsable one is left out.
 */
final class IssuerStep {

    /**
     * The single CA of a pre-1.11 mount, which has no issuer IDs: it is labelled {@code issuer="default"}, the
     * reference Vault 1.11+ resolves to the same CA after the upgrade migrates it.
     */
    static final IssuerSummary LEGACY_ISSUER = new IssuerSummary("default", "", true, "", "");

    private final ObjectReads reads;
    private final Clock clock;

    IssuerStep(ObjectReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    void run(VaultCalls calls, EngineWork work) {
        try {
            work.summaries = calls.call("list_issuers", work.pki::listIssuers);
        } catch (MultiIssuerUnsupportedException e) {
            // Vault before 1.11 has no issuers API (LIST answers 404 "unsupported path"): one CA per mount,
            // read from cert/ca and crl. Multi-issuer PKI arrived in 1.11.0:
            // https://developer.hashicorp.com/vault/api-docs/secret/pki#notice-about-new-multi-issuer-functionality
            work.legacy = true;
            work.summaries = List.of(LEGACY_ISSUER);
        } catch (RuntimeException e) {
            reads.listingFailed(work, e, VaultPaths.join(work.pki.mount(), "issuers"));
            work.issuersFailure = e;
            return;
        }
        Instant now = clock.instant();
        Map<String, IssuerInfo> previous = work.previousIssuers().stream()
                .collect(Collectors.toMap(IssuerInfo::id, Function.identity(), (a, b) -> a));
        work.memory.retainIssuers(work.summaries.stream().map(IssuerSummary::id).collect(Collectors.toSet()));
        List<IssuerInfo> issuers = Collections.synchronizedList(new ArrayList<>());
        List<IssuerSummary> toRead = new ArrayList<>();
        for (IssuerSummary summary : work.summaries) {
            IssuerInfo known = previous.get(summary.id());
            work.memory.keyId(summary.id(), summary.keyId());
            if (!work.legacy && known != null && work.memory.issuerUnchanged(summary, now)) {
                issuers.add(known);
            } else {
                toRead.add(summary);
            }
        }
        reads.forEach(toRead, summary -> read(calls, work, summary, previous.get(summary.id()), issuers, now));
        issuers.sort(Comparator.comparing(IssuerInfo::id));
        work.issuers = List.copyOf(issuers);
    }

    private void read(VaultCalls calls, EngineWork work, IssuerSummary summary, IssuerInfo previous,
                      List<IssuerInfo> issuers, Instant now) {
        try {
            if (work.legacy) {
                calls.call("read_issuer", work.pki::readDefaultCa).ifPresent(ca ->
                        issuers.add(issuerInfo(summary.id(), "", true, "", ca)));
                return;
            }
            // the chain is not needed: every issuer of the mount is read itself
            Issuer issuer = calls.call("read_issuer", () -> work.pki.readIssuer(summary.id(), false));
            issuers.add(issuerInfo(summary.id(), Objects.requireNonNullElse(issuer.name(), ""), summary.isDefault(),
                    Objects.requireNonNullElse(issuer.leafNotAfterBehavior(), ""), issuer.certificate()));
            work.memory.issuerRead(summary, issuer.keyId(), now);
        } catch (RuntimeException e) {
            work.memory.forgetIssuer(summary.id());
            RefreshError error = reads.failed(work, e, path(work, summary.id()));
            if (error.reason() != FailureReason.PARSE_ERROR && previous != null) {
                issuers.add(previous); // an unparsable one goes: the last good dates describe another certificate
            }
        }
    }

    private static String path(EngineWork work, String id) {
        return work.legacy ? VaultPaths.join(work.pki.mount(), "cert", "ca")
                : VaultPaths.join(work.pki.mount(), "issuer", id);
    }

    private static IssuerInfo issuerInfo(String id, String name, boolean isDefault, String leafNotAfterBehavior,
                                         ParsedCertificate c) {
        return new IssuerInfo(id, name, c.commonName(), c.subjectDn(), SerialNumbers.normalize(c.serialNumber()),
                c.keyType().name().toLowerCase(Locale.ROOT), c.keyBits(), isDefault, c.selfSigned(),
                leafNotAfterBehavior, c.notBefore(), c.notAfter());
    }

    /** IDs of the issuers the step produced. */
    static Set<String> ids(List<IssuerInfo> issuers) {
        return issuers.stream().map(IssuerInfo::id).collect(Collectors.toSet());
    }
}

package io.vaultpki.monitor.refresh;

import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.pki.CertificateRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leaf certificates of one engine: {@code LIST certs}, then {@code GET cert/:serial} only for a serial never
 * read before (a serial's certificate never changes); a stored leaf's revocation comes from the CRLs read in this
 * refresh. What is kept per serial is one {@link LeafCertificate} (the fields the metrics use): the snapshot's
 * list, which {@link EngineMemory} searches by serial; CA serials are remembered as such and not read again. A failed listing keeps the previous
 * leaves (engine not up); a failed read leaves that certificate out until the next refresh.
 */
final class LeafStep {

    private final ObjectReads reads;

    LeafStep(ObjectReads reads) {
        this.reads = reads;
    }

    void run(VaultCalls calls, EngineWork work) {
        if (!work.issuersListed()) {
            return;
        }
        String certsPath = VaultPaths.join(work.pki.mount(), "certs");
        List<String> serials;
        try {
            serials = calls.call("list_certs", work.pki::listCertificates);
        } catch (RuntimeException e) {
            reads.listingFailed(work, e, certsPath);
            work.leaves = work.previousLeaves();
            return;
        }
        work.listedCerts = serials.size();
        // normalized in place, sorted and deduplicated: no set of 100,000 entries next to the listing
        List<String> listed = new ArrayList<>(serials.size());
        for (String serial : serials) {
            try {
                listed.add(SerialNumbers.normalize(serial));
            } catch (IllegalArgumentException e) {
                // the serial itself is never echoed: it is Vault's answer, and hostile input could be anything
                RefreshError error = new RefreshError(work.engine, FailureReason.PARSE_ERROR,
                        "LIST " + certsPath + " returned an invalid serial", certsPath);
                reads.metrics().error(error);
                work.error(error);
            }
        }
        serials = null;
        listed.sort(null);
        dropDuplicates(listed);
        EngineMemory memory = work.memory;
        memory.retainSerials(listed);
        List<LeafCertificate> known = Collections.synchronizedList(new ArrayList<>(listed.size()));
        List<String> unread = new ArrayList<>();
        for (String serial : listed) {
            LeafCertificate leaf = memory.leaf(serial);
            if (leaf != null) {
                known.add(revoked(leaf, work.revokedFromCrls.get(serial)));
            } else if (!memory.isCa(serial)) {
                unread.add(serial);
            }
        }
        IssuerMatch issuers = new IssuerMatch(work.issuers);
        reads.forEach(unread, serial -> {
            try {
                calls.call("read_cert", () -> work.pki.readCertificate(serial)).ifPresent(record -> {
                    if (record.certificate().ca()) {
                        memory.ca(serial);
                    } else {
                        known.add(revoked(leaf(serial, record, issuers), work.revokedFromCrls.get(serial)));
                    }
                });
            } catch (RuntimeException e) {
                reads.failed(work, e, VaultPaths.join(work.pki.mount(), "cert", serial));
            }
        });
        List<LeafCertificate> marked = Supersession.mark(known);
        memory.leaves(marked);
        work.leaves = marked;
    }

    /** Removes equal neighbours of a sorted list in place. */
    private static void dropDuplicates(List<String> sorted) {
        int kept = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (kept == 0 || !sorted.get(i).equals(sorted.get(kept - 1))) {
                sorted.set(kept++, sorted.get(i));
            }
        }
        sorted.subList(kept, sorted.size()).clear();
    }

    /** The leaf with the revocation a CRL of this refresh lists (kept by the memory from then on). */
    private static LeafCertificate revoked(LeafCertificate leaf, Instant fromCrl) {
        if (fromCrl == null || leaf.revokedAt().isPresent()) {
            return leaf;
        }
        return new LeafCertificate(leaf.serial(), leaf.issuerId(), leaf.commonName(), leaf.ou(), leaf.notBefore(),
                leaf.notAfter(), Optional.of(fromCrl), leaf.superseded());
    }

    /** Only the fields the metrics use; the parsed certificate is dropped here. */
    private static LeafCertificate leaf(String serial, CertificateRecord record, IssuerMatch issuers) {
        ParsedCertificate c = record.certificate();
        String ou = c.organizationalUnits().isEmpty() ? "" : String.join(",", c.organizationalUnits());
        return new LeafCertificate(serial, record.issuerId().map(issuers::canonical)
                .orElseGet(() -> issuers.bySubject(c.issuerDn())), c.commonName(), ou, c.notBefore(), c.notAfter(),
                record.revocationTime(), false);
    }

    /**
     * The issuer of a leaf. Vault names it only for revoked certificates (1.13+), so otherwise the leaf's issuer DN
     * is matched with the issuers' subjects (the first by ID when reissued issuers share one). IDs are the issuer
     * list's own strings, shared by every leaf instead of one copy each.
     */
    static final class IssuerMatch {

        private final Map<String, String> bySubject = new HashMap<>();
        private final Map<String, String> ids = new HashMap<>();

        IssuerMatch(List<IssuerInfo> issuers) {
            for (IssuerInfo issuer : issuers) {
                bySubject.putIfAbsent(issuer.subject(), issuer.id());
                ids.put(issuer.id(), issuer.id());
            }
        }

        String bySubject(String issuerDn) {
            return bySubject.getOrDefault(issuerDn, "");
        }

        String canonical(String issuerId) {
            return ids.getOrDefault(issuerId, issuerId);
        }
    }
}

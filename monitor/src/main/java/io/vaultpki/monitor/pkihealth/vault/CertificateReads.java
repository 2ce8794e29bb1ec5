package io.vaultpki.monitor.pkihealth.vault;

import io.vaultpki.client.pki.CertificateRecord;
import io.vaultpki.client.pki.PkiOperations;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.LeafInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.vault.ReadPlan.Read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored certificates for {@code too_many_certs} (how many {@code LIST certs} returns) and
 * {@code root_issued_leaves} (the first {@code certs_to_fetch} in listing order): taken from the refresh when its
 * leaf step listed them in this round, else {@code LIST certs} once and {@code cert/<serial>} for the first
 * {@code certs_to_fetch} serials. A certificate's issuer is the issuer whose subject is its issuer name, as the
 * refresh matches leaves; a certificate deleted (tidied) since the listing is left out.
 */
final class CertificateReads {

    private final PkiOperations pki;
    private final VaultRequests calls;
    private final ReadPlan plan;

    CertificateReads(PkiOperations pki, VaultRequests calls, ReadPlan plan) {
        this.pki = pki;
        this.calls = calls;
        this.plan = plan;
    }

    void read(RefreshData known, MountInputs.Builder in) {
        boolean leaves = plan.needs(Read.LEAVES);
        boolean count = plan.needs(Read.STORED_COUNT);
        if (known.storedCertificates().isPresent() && count) {
            in.storedCertificates(Fetched.of(known.storedCertificates().getAsLong()));
            count = false;
        }
        if (known.leaves().isPresent() && leaves) {
            in.leaves(Fetched.of(known.leaves().get()));
            leaves = false;
        }
        if (!leaves && !count) {
            return;
        }
        Fetched<List<String>> listed = Outcomes.read(() -> calls.call("list_certs", pki::listCertificates),
                List::copyOf);
        if (count) {
            in.storedCertificates(listed.map(l -> (long) l.size()));
        }
        if (leaves) {
            in.leaves(listed.map(serials -> leaves(MountReader.normalized(serials), known.issuerSubjects())));
        }
    }

    private List<LeafInput> leaves(List<String> serials, Map<String, String> issuerSubjects) {
        List<LeafInput> out = new ArrayList<>();
        for (String serial : serials.subList(0, (int) Math.min(serials.size(), plan.certsToFetch()))) {
            Optional<Fetched<LeafInput>> leaf = Outcomes.object(
                    () -> calls.call("read_cert", () -> pki.readCertificate(serial)),
                    (CertificateRecord r) -> new LeafInput(serial, r.certificate().ca(),
                            issuerOf(r, issuerSubjects)));
            // a certificate that cannot be read is left out, as the CLI skips it
            leaf.flatMap(Fetched::optional).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<String> issuerOf(CertificateRecord record, Map<String, String> issuerSubjects) {
        String issuerDn = record.certificate().issuerDn();
        return issuerSubjects.entrySet().stream().filter(e -> e.getValue().equals(issuerDn)).map(Map.Entry::getKey)
                .sorted().findFirst();
    }
}

package io.vaultpki.monitor.refresh;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Marks every leaf superseded except the newest (by notBefore) of each common name and OU within an engine. */
final class Supersession {

    private static final Comparator<LeafCertificate> NEWEST_LAST = Comparator
            .comparing(LeafCertificate::notBefore)
            .thenComparing(l -> io.vaultpki.client.cert.SerialNumbers.toBigInteger(l.serial()));

    private Supersession() {
    }

    static List<LeafCertificate> mark(List<LeafCertificate> leaves) {
        Map<List<String>, LeafCertificate> newest = leaves.stream().collect(Collectors.toMap(
                l -> List.of(l.commonName(), l.ou()), l -> l,
                (a, b) -> NEWEST_LAST.compare(a, b) >= 0 ? a : b));
        return leaves.stream()
                .map(l -> newest.get(List.of(l.commonName(), l.ou())) == l ? l
                        : new LeafCertificate(l.serial(), l.issuerId(), l.commonName(), l.ou(), l.notBefore(),
                        l.notAfter(), l.revokedAt(), true))
                .sorted(Comparator.comparing(LeafCertificate::serial))
                .toList();
    }
}

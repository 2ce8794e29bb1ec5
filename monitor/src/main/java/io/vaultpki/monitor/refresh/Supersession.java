package io.vaultpki.monitor.refresh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks every leaf superseded except the newest (by notBefore) of each common name and OU within an engine, and
 * sorts the leaves by serial. A leaf whose flag does not change is kept as the same object, so a steady-state
 * refresh of 100,000 leaves allocates almost nothing here.
 */
final class Supersession {

    /** The leaves' order in a snapshot and in {@link EngineMemory}'s binary search. */
    static final Comparator<LeafCertificate> BY_SERIAL = Comparator.comparing(LeafCertificate::serial);

    private static final Comparator<LeafCertificate> NEWEST_LAST = Comparator
            .comparing(LeafCertificate::notBefore)
            .thenComparing(l -> io.vaultpki.client.cert.SerialNumbers.toBigInteger(l.serial()));

    private record Name(String commonName, String ou) {
    }

    private Supersession() {
    }

    static List<LeafCertificate> mark(List<LeafCertificate> leaves) {
        Map<Name, LeafCertificate> newest = new HashMap<>(leaves.size() * 2);
        for (LeafCertificate l : leaves) {
            newest.merge(new Name(l.commonName(), l.ou()), l, (a, b) -> NEWEST_LAST.compare(a, b) >= 0 ? a : b);
        }
        List<LeafCertificate> out = new ArrayList<>(leaves.size());
        for (LeafCertificate l : leaves) {
            boolean superseded = newest.get(new Name(l.commonName(), l.ou())) != l;
            out.add(superseded == l.superseded() ? l : new LeafCertificate(l.serial(), l.issuerId(), l.commonName(),
                    l.ou(), l.notBefore(), l.notAfter(), l.revokedAt(), superseded));
        }
        out.sort(BY_SERIAL);
        return List.copyOf(out);
    }
}

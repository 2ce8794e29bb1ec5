package io.vaultpki.monitor.refresh;

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
 */
public record EngineSnapshot(String engine, String namespace, String mountPath, boolean up,
                             Optional<Instant> lastSuccess, List<IssuerInfo> issuers, List<CrlInfo> crls,
                             List<LeafCertificate> leaves, boolean leavesCollected, List<RefreshError> errors) {

    public EngineSnapshot {
        issuers = List.copyOf(issuers);
        crls = List.copyOf(crls);
        leaves = List.copyOf(leaves);
        errors = List.copyOf(errors);
    }
}

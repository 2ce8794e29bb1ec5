package io.vaultpki.monitor.refresh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logs one INFO line after the first refresh that reached Vault: how many mounts, issuers, CRLs and leaf
 * certificates it found, so an operator sees at start-up whether the monitor is looking at what they expect (a
 * selection that matches nothing shows as "0 PKI mounts" here, not as a quietly green status).
 */
final class RefreshSummary {

    private static final Logger LOG = LoggerFactory.getLogger(PkiRefresher.class);

    private final AtomicBoolean logged = new AtomicBoolean();

    /** @param missing engines of mounts {@code PKI_MOUNT_PATH} names but Vault does not list as PKI */
    void afterRefresh(PkiSnapshot snapshot, String address, java.util.Set<String> missing) {
        if (!snapshot.vault().reachable() || !logged.compareAndSet(false, true)) {
            return;
        }
        LOG.info("First refresh from Vault at {} took {} ms: {}", address, snapshot.duration().toMillis(),
                describe(snapshot, missing));
    }

    /** {@code 2 PKI mounts, 3 issuers, 3 CRLs, 12 leaf certificates}; mounts not found are counted apart. */
    static String describe(PkiSnapshot snapshot, java.util.Set<String> missingEngines) {
        long mounts = 0;
        long missing = 0;
        long issuers = 0;
        long crls = 0;
        long leaves = 0;
        boolean leavesCollected = false;
        for (EngineSnapshot engine : snapshot.engines()) {
            if (missingEngines.contains(engine.engine())) {
                missing++;
                continue;
            }
            mounts++;
            issuers += engine.issuers().size();
            crls += engine.crls().size();
            leaves += engine.leaves().size();
            leavesCollected |= engine.leavesCollected();
        }
        return count(mounts, "PKI mount") + ", " + count(issuers, "issuer") + ", " + count(crls, "CRL") + ", "
                + (leavesCollected || mounts == 0 ? count(leaves, "leaf certificate")
                : "leaf certificates not collected (monitor.leaves.enabled=false)")
                + (missing == 0 ? "" : "; " + count(missing, "named mount") + " not found");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

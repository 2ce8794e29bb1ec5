package io.vaultpki.exporter.revocation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link PendingRevocations#runDue} did.
 *
 * @param done         finished revocations by outcome ({@code revoked}, {@code already_revoked}, {@code expired})
 * @param failures     one line per failed revocation, {@code export <name>: revoking <serial> failed: <reason>}; they
 *                     stay pending and are retried
 * @param stillPending entries left in the ledgers afterwards (not yet due, or failed)
 */
public record RevocationRun(Map<RevocationOutcome, Integer> done, List<String> failures, int stillPending) {

    public RevocationRun {
        done = Map.copyOf(done);
        failures = List.copyOf(failures);
    }

    /** Finished revocations, whatever the outcome. */
    public int doneCount() {
        return done.values().stream().mapToInt(Integer::intValue).sum();
    }

    static final class Builder {
        private final Map<RevocationOutcome, Integer> done = new EnumMap<>(RevocationOutcome.class);
        private final List<String> failures = new ArrayList<>();
        private int stillPending;

        void done(RevocationOutcome outcome) {
            done.merge(outcome, 1, Integer::sum);
        }

        void failed(String export, String serial, String error) {
            failures.add("export " + export + ": revoking " + serial + " failed: " + error);
        }

        void stillPending(int count) {
            stillPending += count;
        }

        RevocationRun build() {
            return new RevocationRun(done, failures, stillPending);
        }
    }
}

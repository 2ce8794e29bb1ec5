package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.registry.ManagedExport;

import java.util.Optional;

/**
 * One export's turn in the renewal job: the decision, and for an attempt its result or its failure (already
 * recorded in the export's state, its metrics and the audit log).
 *
 * @param export   the export
 * @param decision what the job decided
 * @param result   the successful attempt's result, when one ran and succeeded
 * @param failure  the failed attempt's exception, when one ran and failed
 */
public record Turn(ManagedExport export, Decision decision, Optional<AttemptResult> result,
                   Optional<RuntimeException> failure) {

    static Turn skipped(ManagedExport export, Decision decision) {
        return new Turn(export, decision, Optional.empty(), Optional.empty());
    }

    /** Whether an attempt ran (and succeeded or failed). */
    public boolean attempted() {
        return result.isPresent() || failure.isPresent();
    }
}

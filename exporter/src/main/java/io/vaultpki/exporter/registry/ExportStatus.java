package io.vaultpki.exporter.registry;

import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Origin;
import io.vaultpki.exporter.window.WindowPlacement;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One export as the API and metrics see it.
 *
 * @param spec                the spec
 * @param origin              configuration or API
 * @param metadata            the current version's metadata; empty until the first successful write
 * @param lastOutcome         the last attempt's outcome
 * @param lastError           short reason of the last failure (never a secret), {@code null} after a success
 * @param consecutiveFailures failures since the last success
 * @param lastSuccess         when the last attempt succeeded
 * @param nextAttempt         when the exporter will next renew, retry or re-read
 * @param directory           the export's directory
 * @param window              where the renew window put the next attempt; {@code null} without a window
 */
public record ExportStatus(ExportSpec spec, Origin origin, Optional<ExportMetadata> metadata, Outcome lastOutcome,
                           String lastError, int consecutiveFailures, Instant lastSuccess, Instant nextAttempt,
                           Path directory, WindowPlacement window) {

    public String name() {
        return spec.name();
    }

    /** Outcome of the last attempt. */
    public enum Outcome {
        /** Not attempted yet. */
        PENDING,
        /** New files switched in. */
        SUCCESS,
        /** Checked; files already current (valid and spec unchanged, or an issuer that did not change). */
        UNCHANGED,
        /** Failed; existing files untouched. */
        FAILURE
    }
}

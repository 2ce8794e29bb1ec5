package io.vaultpki.exporter.registry;

import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Origin;
import io.vaultpki.exporter.window.WindowPlacement;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exporter's live state of one export. Fields change under the instance's monitor; {@link #attemptLock()} makes
 * attempts single-flight per export, so a scheduled renewal and an API renew never both ask Vault. The renewal job
 * and the API's operations record each attempt's outcome here; everyone else reads {@link #status()}.
 */
public final class ManagedExport {

    private final ReentrantLock attemptLock = new ReentrantLock();
    private final Origin origin;
    private final Path directory;
    private ExportSpec spec;
    private ExportMetadata metadata;
    private ExportStatus.Outcome lastOutcome = ExportStatus.Outcome.PENDING;
    private String lastError;
    private int consecutiveFailures;
    private Instant lastSuccess;
    private Instant nextAttempt;
    private Instant lastIssuance;
    private Duration issuedLifetime;
    private Adoption adoption = Adoption.NO_FILES;
    private WindowPlacement window;

    public ManagedExport(ExportSpec spec, Origin origin, Path directory, Instant nextAttempt) {
        this.spec = spec;
        this.origin = origin;
        this.directory = directory;
        this.nextAttempt = nextAttempt;
    }

    /**
     * An export loaded at start-up, with the metadata of its current intact version if it has one. Files that are
     * unexpired, not due and made from the same spec are adopted as they are: the export is next due at their
     * renewal time and costs no Vault call now. Anything else is due at once.
     */
    public static ManagedExport loaded(ExportSpec spec, Origin origin, Path directory, Optional<ExportMetadata> current,
                                       Instant now) {
        ManagedExport managed = new ManagedExport(spec, origin, directory, now);
        if (current.isPresent()) {
            ExportMetadata m = current.get();
            boolean valid = now.isBefore(m.notAfter());
            boolean sameSpec = m.madeFrom(spec);
            boolean notDue = m.renewAt() != null && now.isBefore(m.renewAt());
            managed.adopted(m, valid && sameSpec && notDue ? m.renewAt() : now, sameSpec);
            managed.adoption = !sameSpec ? Adoption.SPEC_CHANGED : !valid ? Adoption.EXPIRED
                    : !notDue ? Adoption.DUE : Adoption.CURRENT;
        }
        return managed;
    }

    /** What start-up found on disk for this export ({@link Adoption#NO_FILES} for one created since). */
    public synchronized Adoption adoption() {
        return adoption;
    }

    /** Held while an attempt runs: attempts of one export never overlap. */
    public ReentrantLock attemptLock() {
        return attemptLock;
    }

    public Origin origin() {
        return origin;
    }

    public synchronized ExportSpec spec() {
        return spec;
    }

    /** Replaces the spec, after an update's attempt succeeded with it. */
    public synchronized void spec(ExportSpec value) {
        this.spec = value;
    }

    public synchronized Optional<ExportMetadata> metadata() {
        return Optional.ofNullable(metadata);
    }

    public synchronized Instant nextAttempt() {
        return nextAttempt;
    }

    public synchronized Instant lastIssuance() {
        return lastIssuance;
    }

    public synchronized Duration issuedLifetime() {
        return issuedLifetime;
    }

    /**
     * Files already on disk at start-up. {@code sameSpec}: they were made from the current spec, so their issuance
     * counts for the minimum interval; a changed spec must re-issue at once.
     */
    synchronized void adopted(ExportMetadata current, Instant next, boolean sameSpec) {
        metadata = current;
        nextAttempt = next;
        if (sameSpec) {
            issuedLifetime = Duration.ofSeconds(current.issuedLifetimeSeconds());
            lastIssuance = current.writtenAt();
        }
    }

    public synchronized void succeeded(ExportMetadata current, boolean issued, Instant now, Instant next,
                                ExportStatus.Outcome outcome) {
        metadata = current;
        lastOutcome = outcome;
        lastError = null;
        consecutiveFailures = 0;
        lastSuccess = now;
        nextAttempt = next;
        if (issued) {
            lastIssuance = now;
            issuedLifetime = Duration.ofSeconds(current.issuedLifetimeSeconds());
        }
    }

    /** Records a failure; returns the new failure count. Files and metadata stay as they were. */
    public synchronized int failed(String error, Instant next) {
        lastOutcome = ExportStatus.Outcome.FAILURE;
        lastError = error;
        consecutiveFailures++;
        nextAttempt = next;
        return consecutiveFailures;
    }

    /** Moves the next attempt, e.g. to the end of the minimum issuance interval. */
    public synchronized void reschedule(Instant next) {
        nextAttempt = next;
    }

    /**
     * Records where the renew window put the next attempt, and moves it there; {@code null} for an export without a
     * window (the next attempt stays).
     */
    public synchronized void placed(WindowPlacement placement) {
        window = placement;
        if (placement != null) {
            nextAttempt = placement.at();
        }
    }

    /** Where the renew window last put the next attempt; {@code null} without a window. */
    public synchronized WindowPlacement windowPlacement() {
        return window;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized ExportStatus status() {
        return new ExportStatus(spec, origin, Optional.ofNullable(metadata), lastOutcome, lastError,
                consecutiveFailures, lastSuccess, nextAttempt, directory, window);
    }
}

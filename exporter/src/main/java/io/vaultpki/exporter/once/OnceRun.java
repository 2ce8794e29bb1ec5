package io.vaultpki.exporter.once;

import io.vaultpki.exporter.export.StartupRecovery;
import io.vaultpki.exporter.files.DirectoryLock;
import io.vaultpki.exporter.files.DirectoryLockedException;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.renewal.RenewalJob;
import io.vaultpki.exporter.renewal.Turn;
import io.vaultpki.exporter.revocation.PendingRevocations;
import io.vaultpki.exporter.revocation.RevocationRun;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One one-shot run over a started application context (no HTTP server): takes the directory's one-shot lock,
 * recovers and loads the exports exactly as the service's start-up does ({@link StartupRecovery}), gives each
 * selected export one turn of the service's {@link RenewalJob} (same plan, loop guard, attempts, hooks, audit),
 * revokes what revoke-previous left due (a revocation not yet due, or failed, stays recorded for the next run or the
 * service: a one-shot run never waits out the readers' grace period), removes old versions as the service's
 * scheduler does, and says per export what happened. Exports whose files are current cost no Vault call.
 *
 * <p>Exit status: {@value #OK} when every selected export has valid files afterwards (unexpired and made from its
 * current spec, even when a due renewal failed: its line is still printed), {@value #FAILED} when at least one has
 * not or the lock stayed taken, {@value #USAGE} for a configuration or usage error (an unknown export name, a name
 * defined twice, no export at all). A dry run takes no lock, recovers nothing, asks Vault nothing and writes nothing.
 */
public final class OnceRun {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final String application;
    private final StartupRecovery recovery;
    private final ExportRegistry registry;
    private final RenewalJob job;
    private final PendingRevocations revocations;
    private final ExportStore store;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public OnceRun(String application, StartupRecovery recovery, ExportRegistry registry, RenewalJob job,
                   PendingRevocations revocations, ExportStore store, Clock clock, PrintStream out, PrintStream err) {
        this.application = application;
        this.recovery = recovery;
        this.registry = registry;
        this.job = job;
        this.revocations = revocations;
        this.store = store;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Runs as {@code options} say and returns the exit status. */
    public int run(OnceOptions options) {
        try {
            return options.dryRun() ? dryRun(options) : update(options);
        } catch (UnknownExports e) {
            return problem(USAGE, e.getMessage());
        } catch (IllegalStateException e) {
            // a name defined in the configuration and through the API, a format the settings cannot write
            return problem(USAGE, "configuration error: " + OnceOptions.shown(String.valueOf(e.getMessage())));
        } catch (DirectoryLockedException e) {
            return problem(FAILED, "another --once run holds " + e.file() + "; gave up after " + e.waited()
                    + " (" + OnceOptions.LOCK_WAIT + ")");
        } catch (RuntimeException e) {
            return problem(FAILED, "cannot run: " + OnceOptions.shown(e.toString()));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int update(OnceOptions options) {
        if (!options.exports().isEmpty()) {
            select(recovery.preview(), options.exports()); // an unknown name stops the run before anything is written
        }
        try (DirectoryLock ignored = store.lockForOnce(options.lockWait())) {
            recovery.start();
            List<ManagedExport> selected = select(registry.all(), options.exports());
            Map<String, Turn> turns = job.runAll(selected).stream()
                    .collect(Collectors.toMap(t -> t.export().spec().name(), Function.identity()));
            Instant now = clock.instant();
            int status = OK;
            for (ManagedExport e : selected) {
                Turn turn = turns.get(e.spec().name());
                Optional<ExportMetadata> valid = validFiles(e, now);
                if (turn != null && turn.failure().isPresent()) {
                    err.println(OnceLines.failed(e.spec(), turn.failure().get(), valid));
                } else if (turn != null && valid.isPresent()) {
                    out.println(OnceLines.done(turn));
                } else if (turn != null) {
                    err.println(OnceLines.notValid(turn));
                } else {
                    err.println("export " + e.spec().name() + ": the attempt did not end");
                }
                if (valid.isEmpty()) {
                    status = FAILED;
                }
            }
            revoke(selected);
            collectGarbage();
            return status;
        }
    }

    /**
     * revoke-previous: revokes what is due now. A failure is a warning line, never the exit status: the files are
     * valid, and the revocation stays recorded and is retried by the next run or the service.
     */
    private void revoke(List<ManagedExport> selected) {
        RevocationRun run = revocations.runDue(clock.instant(), names(selected));
        run.failures().forEach(line -> err.println(line + " (still recorded; the next run or the service retries it)"));
        if (run.doneCount() > 0 || run.stillPending() > 0) {
            out.println("revoke-previous: " + run.doneCount() + " replaced certificate(s) done, " + run.stillPending()
                    + " still recorded for a later run or the service");
        }
    }

    private static Set<String> names(List<ManagedExport> exports) {
        return exports.stream().map(e -> e.spec().name()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Removes old versions as the service's scheduler does every minute, so that runs from cron never pile them up;
     * a version superseded in this run stays for the grace period and goes in a later run. Never fails the run.
     */
    private void collectGarbage() {
        try {
            store.collectGarbage();
        } catch (RuntimeException e) {
            err.println(application + ": warning: old export versions were not removed: "
                    + OnceOptions.shown(String.valueOf(e.getMessage())));
        }
    }

    private int dryRun(OnceOptions options) {
        List<ManagedExport> selected = select(recovery.preview(), options.exports());
        for (ManagedExport e : selected) {
            out.println(OnceLines.planned(e, job.decide(e)));
        }
        revocations.due(selected, clock.instant(), names(selected)).forEach((name, due) -> out.println("export " + name
                + ": would revoke " + due.size() + " replaced certificate(s) (revoke-previous)"));
        out.println("dry run: nothing was asked of Vault and no file was changed");
        return OK;
    }

    /**
     * The current files of {@code e} if they are valid: unexpired and made from the export's current spec (files of
     * an old spec are not what the configuration asks for, even when unexpired).
     */
    private static Optional<ExportMetadata> validFiles(ManagedExport e, Instant now) {
        return e.metadata().filter(m -> now.isBefore(m.notAfter()) && m.madeFrom(e.spec()));
    }

    /** The exports {@code names} asks for, in that order (all, by name, when empty); an unknown name is an error. */
    private List<ManagedExport> select(Collection<ManagedExport> exports, List<String> names) {
        if (exports.isEmpty()) {
            // the service may start empty (the API creates exports); a one-shot run without any is a missing config
            throw new UnknownExports("configuration error: no export to run: none is configured"
                    + " (exporter.exports.<name>.*) and none was created through the API under " + store.root());
        }
        Map<String, ManagedExport> byName = new TreeMap<>();
        exports.forEach(e -> byName.put(e.spec().name(), e));
        if (names.isEmpty()) {
            return new ArrayList<>(byName.values());
        }
        List<String> unknown = names.stream().filter(n -> !byName.containsKey(n)).map(OnceOptions::shown).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownExports("usage error: --export: no export named " + unknown.stream().map(n -> "'" + n + "'")
                    .collect(Collectors.joining(", ")) + " in the configuration or under " + store.root()
                    + "; known: " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
        }
        return names.stream().map(byName::get).toList();
    }

    private int problem(int status, String message) {
        err.println(application + ": " + message);
        return status;
    }

    /** {@code --export} named an export that is neither configured nor persisted, or there is no export at all. */
    private static final class UnknownExports extends RuntimeException {
        UnknownExports(String message) {
            super(message, null, false, false);
        }
    }
}

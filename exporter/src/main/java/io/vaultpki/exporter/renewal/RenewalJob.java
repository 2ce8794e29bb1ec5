package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.window.WindowPlacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Keeps the managed exports current: every export that is due (renewal, retry or re-read) gets one attempt on the
 * worker pool, as the exporter itself ({@link Actor#SYSTEM}). An export already running or queued is skipped, and
 * one that was issued less than the minimum interval ago is only rescheduled, whatever its plan says; so is a planned
 * renewal outside its renew window ({@link WindowedPlan}).
 */
public final class RenewalJob {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalJob.class);

    private final ExportRegistry registry;
    private final ExportAttempts attempts;
    private final Clock clock;
    private final ExecutorService workers;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    public RenewalJob(ExportRegistry registry, ExportAttempts attempts, Clock clock, ExecutorService workers) {
        this.registry = registry;
        this.attempts = attempts;
        this.clock = clock;
        this.workers = workers;
    }

    /**
     * Starts an attempt for every export that is due, on the worker pool. With {@code wait}, returns once those
     * attempts ended.
     */
    public void runDue(boolean wait) {
        Instant now = clock.instant();
        List<Future<Turn>> futures = new ArrayList<>();
        for (ManagedExport e : registry.all()) {
            if (!e.nextAttempt().isAfter(now) && queued.add(e.spec().name())) {
                futures.add(submit(e));
            }
        }
        if (wait) {
            await(futures);
        }
    }

    /**
     * Gives each of {@code exports} its turn, as the scheduler would, on the worker pool, and waits for all of them:
     * the one-shot run ({@code --once}). Exports that are not due are only decided about, never attempted.
     */
    public List<Turn> runAll(Collection<ManagedExport> exports) {
        List<Future<Turn>> futures = new ArrayList<>();
        for (ManagedExport e : exports) {
            queued.add(e.spec().name());
            futures.add(submit(e));
        }
        return await(futures);
    }

    /**
     * What the job would do with {@code managed} now, without doing it: attempt it when its next attempt is due
     * (the plan made when it was loaded or last attempted), unless the loop guard holds it back or it is a planned
     * renewal that must wait for its renew window.
     */
    public Decision decide(ManagedExport managed) {
        Instant now = clock.instant();
        if (managed.nextAttempt().isAfter(now)) {
            WindowPlacement placed = managed.windowPlacement();
            // due already, but its renew window moved it: say so rather than "not due"
            return placed != null && placed.deferred() && placed.at().equals(managed.nextAttempt())
                    ? Decision.window(placed) : new Decision(Decision.Kind.NOT_DUE, managed.nextAttempt());
        }
        Optional<Instant> earliest = attempts.earliestIssuance(managed);
        if (earliest.isPresent() && now.isBefore(earliest.get())) {
            // the loop guard: never mint twice inside the minimum interval, whatever the plan says
            return new Decision(Decision.Kind.GUARDED, earliest.get());
        }
        // a planned renewal outside its renew window (e.g. the exporter was down while the window was open)
        Optional<WindowPlacement> window = attempts.windowWait(managed);
        return window.isPresent() ? Decision.window(window.get()) : Decision.attempt();
    }

    private Future<Turn> submit(ManagedExport e) {
        return workers.submit(() -> {
            try {
                return take(e);
            } finally {
                queued.remove(e.spec().name());
            }
        });
    }

    private static List<Turn> await(List<Future<Turn>> futures) {
        List<Turn> turns = new ArrayList<>();
        for (Future<Turn> f : futures) {
            try {
                turns.add(f.get());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return turns;
            } catch (ExecutionException ee) {
                LOG.error("Export attempt failed unexpectedly", ee.getCause());
            }
        }
        return turns;
    }

    /** One export's turn: single-flight per export, skipped when deleted meanwhile, then as {@link #decide} says. */
    private Turn take(ManagedExport e) {
        if (!e.attemptLock().tryLock()) {
            return Turn.skipped(e, new Decision(Decision.Kind.NOT_DUE, e.nextAttempt())); // an attempt is running
        }
        try {
            if (!registry.isManaged(e)) {
                return Turn.skipped(e, new Decision(Decision.Kind.NOT_DUE, e.nextAttempt())); // deleted meanwhile
            }
            Decision decision = decide(e);
            if (decision.kind() == Decision.Kind.GUARDED) {
                e.reschedule(decision.until());
            } else if (decision.kind() == Decision.Kind.WINDOW) {
                e.placed(decision.window());
            }
            if (decision.kind() != Decision.Kind.ATTEMPT) {
                return Turn.skipped(e, decision);
            }
            try {
                return new Turn(e, decision, Optional.of(attempts.attempt(e, e.spec(), Actor.SYSTEM)), Optional.empty());
            } catch (RuntimeException ex) {
                // the attempt already recorded the failure and scheduled the retry
                LOG.debug("Scheduled attempt of '{}' failed", e.spec().name(), ex);
                return new Turn(e, decision, Optional.empty(), Optional.of(ex));
            }
        } finally {
            e.attemptLock().unlock();
        }
    }
}

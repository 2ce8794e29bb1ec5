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
        List<Future<?>> futures = new ArrayList<>();
        for (ManagedExport e : registry.all()) {
            if (!e.nextAttempt().isAfter(now) && queued.add(e.spec().name())) {
                futures.add(workers.submit(() -> {
                    try {
                        attemptScheduled(e);
                    } finally {
                        queued.remove(e.spec().name());
                    }
                }));
            }
        }
        if (wait) {
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException ee) {
                    LOG.error("Export attempt failed unexpectedly", ee.getCause());
                }
            }
        }
    }

    private void attemptScheduled(ManagedExport e) {
        if (!e.attemptLock().tryLock()) {
            return;
        }
        try {
            if (!registry.isManaged(e)) {
                return; // deleted meanwhile
            }
            Optional<Instant> earliest = attempts.earliestIssuance(e);
            if (earliest.isPresent() && clock.instant().isBefore(earliest.get())) {
                // the loop guard: never mint twice inside the minimum interval, whatever the plan says
                e.reschedule(earliest.get());
                return;
            }
            Optional<WindowPlacement> window = attempts.windowWait(e);
            if (window.isPresent()) {
                // a planned renewal outside its renew window (e.g. the exporter was down when the window was open)
                e.placed(window.get());
                return;
            }
            attempts.attempt(e, e.spec(), Actor.SYSTEM);
        } catch (RuntimeException ex) {
            // the attempt already recorded the failure and scheduled the retry
            LOG.debug("Scheduled attempt of '{}' failed", e.spec().name(), ex);
        } finally {
            e.attemptLock().unlock();
        }
    }
}

package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.files.ExportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The clock of the renewal job: once started (after start-up recovery, see
 * {@code io.vaultpki.exporter.export.ExporterStartup}), it looks for due exports every tick
 * ({@code exporter.scheduler-tick}) and removes old versions once a minute. The tick only dispatches: attempts run on
 * the worker pool, so a slow Vault never delays the next check of other exports. Each tick also runs
 * {@code alsoEachTick}, which must only dispatch too (the due revocations of revoke-previous exports).
 */
public final class RenewalScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RenewalScheduler.class);
    private static final Duration GC_PERIOD = Duration.ofMinutes(1);

    private final RenewalJob job;
    private final ExportStore store;
    private final Duration tick;
    private final Runnable alsoEachTick;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "export-scheduler");
        t.setDaemon(true);
        return t;
    });

    public RenewalScheduler(RenewalJob job, ExportStore store, Duration tick) {
        this(job, store, tick, () -> { });
    }

    public RenewalScheduler(RenewalJob job, ExportStore store, Duration tick, Runnable alsoEachTick) {
        this.job = job;
        this.store = store;
        this.tick = tick;
        this.alsoEachTick = alsoEachTick;
    }

    /** Starts ticking at once. */
    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::collect, GC_PERIOD.toMillis(), GC_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the clock; attempts already on the worker pool end with it. */
    public void stop() {
        timer.shutdownNow();
    }

    private void tick() {
        try {
            job.runDue(false);
        } catch (RuntimeException e) {
            LOG.error("Export scheduler tick failed; next tick in {}", tick, e);
        }
        try {
            alsoEachTick.run();
        } catch (RuntimeException e) {
            LOG.error("Export scheduler tick (revocations) failed; next tick in {}", tick, e);
        }
    }

    private void collect() {
        try {
            int removed = store.collectGarbage();
            if (removed > 0) {
                LOG.debug("Removed {} old export version(s)", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Collecting old export versions failed: {}", e.getMessage());
        }
    }
}

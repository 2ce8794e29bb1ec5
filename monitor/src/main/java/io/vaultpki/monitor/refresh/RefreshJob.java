package io.vaultpki.monitor.refresh;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.random.RandomGenerator;

/**
 * Runs {@link PkiRefresher#refresh()} after {@link RefreshConfiguration#initialDelay()}, then again one
 * {@link RefreshConfiguration#interval()} after each good refresh and sooner after a failed one
 * ({@link RetryAfterFailure}: backoff from a few seconds up to the interval). Each run schedules the next, so two
 * refreshes never overlap. Scheduled by hand rather than with {@code @Scheduled} so that the delay can change after
 * a failure. {@code monitor.refresh.enabled: false} switches it off (tests that drive the refresher themselves).
 */
@Context
@Requires(property = RefreshConfiguration.PREFIX + ".enabled", notEquals = "false")
public class RefreshJob implements ApplicationEventListener<io.micronaut.context.event.StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshJob.class);

    private final PkiRefresher refresher;
    private final RefreshConfiguration configuration;
    private final TaskScheduler scheduler;
    private final RetryAfterFailure retry;
    private final Set<Class<?>> loggedFailures = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    public RefreshJob(PkiRefresher refresher, RefreshConfiguration configuration,
                      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.refresher = refresher;
        this.configuration = configuration;
        this.scheduler = scheduler;
        this.retry = new RetryAfterFailure(this.configuration.interval(), RandomGenerator.getDefault());
    }

    @Override
    public synchronized void onApplicationEvent(io.micronaut.context.event.StartupEvent event) {
        if (next == null && !stopped) {
            LOG.info("Refreshing from Vault every {} (sooner after a failed refresh)", configuration.interval());
            next = scheduler.schedule(configuration.initialDelay(), this::runAndScheduleNext);
        }
    }

    private void runAndScheduleNext() {
        Duration delay = runOnce();
        synchronized (this) {
            if (!stopped) {
                next = scheduler.schedule(delay, this::runAndScheduleNext);
            }
        }
    }

    /** One refresh; returns the delay before the next. A failure is logged (once per kind) and never ends the schedule. */
    Duration runOnce() {
        try {
            Duration delay = retry.after(refresher.refresh());
            if (delay.compareTo(configuration.interval()) < 0) {
                LOG.debug("Refresh failed; next attempt in {} ms", delay.toMillis());
            }
            return delay;
        } catch (RuntimeException e) {
            if (loggedFailures.add(e.getClass())) {
                LOG.error("Refresh failed unexpectedly: {}", e.getClass().getName(), e);
            }
            return retry.afterCrash();
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        ScheduledFuture<?> s = next;
        if (s != null) {
            s.cancel(true);
        }
    }
}

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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs {@link PkiRefresher#refresh()} every {@link RefreshConfiguration#interval()} (fixed delay) after
 * {@link RefreshConfiguration#initialDelay()}. Scheduled by hand rather than with {@code @Scheduled} so that the
 * interval's environment variables ({@code MONITOR_INTERVAL}, {@code METRIC_UPDATE_INTERVAL}) really drive it.
 * Created at start-up, so invalid refresh settings stop the application. {@code monitor.refresh.enabled: false}
 * switches it off (tests that drive the refresher themselves).
 */
@Context
@Requires(property = "monitor.refresh.enabled", notEquals = "false")
public class RefreshJob implements ApplicationEventListener<io.micronaut.context.event.StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshJob.class);

    private final PkiRefresher refresher;
    private final RefreshConfiguration configuration;
    private final TaskScheduler scheduler;
    private final Set<Class<?>> loggedFailures = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> schedule;

    public RefreshJob(PkiRefresher refresher, RefreshConfiguration configuration,
                      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.refresher = refresher;
        this.configuration = configuration.validate();
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(io.micronaut.context.event.StartupEvent event) {
        if (schedule == null) {
            LOG.info("Refreshing from Vault every {}", configuration.interval());
            schedule = scheduler.scheduleWithFixedDelay(configuration.initialDelay(), configuration.interval(),
                    this::runOnce);
        }
    }

    /** One refresh; a failure is logged (once per kind) and never ends the schedule. */
    void runOnce() {
        try {
            refresher.refresh();
        } catch (RuntimeException e) {
            if (loggedFailures.add(e.getClass())) {
                LOG.error("Refresh failed unexpectedly: {}", e.getClass().getName(), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(true);
        }
    }
}

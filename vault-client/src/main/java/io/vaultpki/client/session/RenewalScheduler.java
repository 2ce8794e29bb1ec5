package io.vaultpki.client.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the session's one-shot renewal and re-login tasks. Injectable so tests capture the task and run it
 * themselves instead of sleeping.
 */
@FunctionalInterface
public interface RenewalScheduler {

    /** Runs {@code task} once after {@code delay}; the handle cancels it if it has not started. */
    Scheduled schedule(Runnable task, Duration delay);

    /** Stops the scheduler's threads, if it has any. */
    default void shutdown() {
    }

    /** A scheduled task that can be cancelled. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    /** A scheduler on one daemon thread named {@code vault-session}. */
    static RenewalScheduler daemon() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vault-session");
            t.setDaemon(true);
            return t;
        });
        return new RenewalScheduler() {
            @Override
            public Scheduled schedule(Runnable task, Duration delay) {
                var future = executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void shutdown() {
                executor.shutdownNow();
            }
        };
    }
}

package io.vaultpki.client.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Keeps scheduled tasks instead of running them, so a test decides when "later" is. */
final class CapturingScheduler implements RenewalScheduler {

    record Task(Runnable task, Duration delay, AtomicBoolean cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Scheduled schedule(Runnable task, Duration delay) {
        Task t = new Task(task, delay, new AtomicBoolean());
        tasks.add(t);
        return () -> t.cancelled().set(true);
    }

    /** The one task still pending (scheduled and neither run nor cancelled). */
    synchronized Task pending() {
        List<Task> live = tasks.stream().filter(t -> !t.cancelled().get()).toList();
        if (live.size() != 1) {
            throw new AssertionError("expected exactly one pending task, found " + live.size());
        }
        return live.get(0);
    }

    synchronized boolean hasPending() {
        return tasks.stream().anyMatch(t -> !t.cancelled().get());
    }

    /** Runs the pending task as the scheduler would; it is removed first so a re-schedule shows as new. */
    void runPending() {
        Task t = pending();
        t.cancelled().set(true);
        t.task().run();
    }
}

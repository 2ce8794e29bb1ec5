package io.vaultpki.support.startup;

import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Resources to release when the application has stopped (the demo's Vault emulator and temporary directory), in
 * reverse order of registration. They run after the application context is closed, so nothing the application
 * still writes at shutdown lands in a directory that was just removed.
 */
final class ExitTasks implements Consumer<AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(ExitTasks.class);
    static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Deque<AutoCloseable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void accept(AutoCloseable task) {
        tasks.push(task);
    }

    /** Closes every task now, newest first; a failing one is logged and the others still run. */
    void runNow() {
        while (true) {
            AutoCloseable task;
            synchronized (this) {
                task = tasks.poll();
            }
            if (task == null) {
                return;
            }
            try {
                task.close();
            } catch (Exception e) {
                LOG.warn("Could not release {} at exit: {}", task, e.toString());
            }
        }
    }

    /**
     * At JVM shutdown, once Micronaut's own shutdown hook has stopped {@code context} (or after {@link #STOP_WAIT}),
     * closes every task.
     */
    void runAfterStop(ApplicationContext context, String threadName) {
        synchronized (this) {
            if (tasks.isEmpty()) {
                return;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            while (context.isRunning() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            runNow();
        }, threadName));
    }
}

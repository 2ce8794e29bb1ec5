package io.vaultpki.monitor.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the object reads of one engine step (issuers, CRLs, new certificates) concurrently on the read pool and waits
 * for all; the {@link RequestLimiter} decides how many are in flight. Tasks record their own Vault failures; a
 * {@link VaultCalls.VaultDown} ends the step (reads not started are dropped) and is rethrown.
 */
final class ObjectReads {

    private final ExecutorService pool;
    private final RefreshMetrics metrics;

    ObjectReads(ExecutorService pool, RefreshMetrics metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    <T> void forEach(List<T> items, Consumer<T> task) {
        if (items.size() <= 1) {
            items.forEach(task);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> task.accept(item)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new CancellationException("refresh interrupted");
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(false));
                if (e.getCause() instanceof VaultCalls.VaultDown down) {
                    throw down; // running reads stop at their next call
                }
                throw new IllegalStateException("a read of the engine refresh failed unexpectedly", e.getCause());
            }
        }
    }

    /**
     * Records the failure of one read of {@code work}'s engine, with {@code objectPath} when the exception names no
     * path itself, and counts it. A {@link VaultCalls.VaultDown} is rethrown: it ends the whole refresh.
     *
     * @return the error as recorded
     */
    RefreshError failed(EngineWork work, RuntimeException e, String objectPath) {
        RefreshError error = counted(work, e, objectPath);
        work.error(error);
        return error;
    }

    /** Like {@link #failed} for a listing ({@code LIST issuers}, {@code LIST certs}): the engine is then not up. */
    void listingFailed(EngineWork work, RuntimeException e, String listPath) {
        work.listingError(counted(work, e, listPath));
    }

    private RefreshError counted(EngineWork work, RuntimeException e, String path) {
        if (e instanceof VaultCalls.VaultDown down) {
            throw down;
        }
        RefreshError error = RefreshError.of(work.engine, e).withPathIfAbsent(path);
        metrics.error(error);
        return error;
    }

    RefreshMetrics metrics() {
        return metrics;
    }
}

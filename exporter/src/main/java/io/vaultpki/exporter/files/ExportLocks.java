package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per export: a lock inside this store (threads) plus an OS file lock on
 * {@link ExportLayout#lockFile} (other processes, e.g. a second exporter replica on the same directory). Both
 * are waited for a bounded time, then the write fails instead of hanging.
 */
final class ExportLocks {

    private final ExportLayout layout;
    private final Duration wait;
    private final ConcurrentHashMap<String, ReentrantLock> local = new ConcurrentHashMap<>();

    ExportLocks(ExportLayout layout, Duration wait) {
        this.layout = layout;
        this.wait = wait;
    }

    /** Holds the export's lock until the handle is closed. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    Handle acquire(String export) {
        ReentrantLock inProcess = local.computeIfAbsent(export, n -> new ReentrantLock());
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!inProcess.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ExportWriteException("export " + export + " is still being written after " + wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportWriteException("interrupted while waiting for the lock of export " + export);
        }
        try {
            DirectoryLock lock = fileLock(export, deadline);
            return () -> {
                try {
                    lock.close();
                } finally {
                    inProcess.unlock();
                }
            };
        } catch (RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    /** The export's OS file lock, waited for until {@code deadline} (the one owner of file locking: {@link DirectoryLock}). */
    private DirectoryLock fileLock(String export, long deadline) {
        Path file = layout.lockFile(export);
        try {
            return DirectoryLock.acquire(file, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (DirectoryLockedException e) {
            throw new ExportWriteException("export " + export + " is locked by another exporter process (" + file
                    + "); two replicas must not share an export directory");
        }
    }
}

package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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

    private static final long POLL_MILLIS = 25;

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
            FileLock lock = fileLock(export, deadline);
            return () -> {
                try {
                    lock.channel().close(); // releases the lock too
                } catch (IOException ignored) {
                    // closing a lock file cannot lose data; the OS drops the lock with the descriptor anyway
                } finally {
                    inProcess.unlock();
                }
            };
        } catch (RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    private FileLock fileLock(String export, long deadline) {
        Path file = layout.lockFile(export);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(FileSettings.MODE_0600));
        } catch (IOException e) {
            throw new ExportWriteException("cannot open the lock file " + file, e);
        }
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return lock;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new ExportWriteException("export " + export + " is locked by another exporter process ("
                            + file + "); two replicas must not share an export directory");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw new ExportWriteException("interrupted while waiting for the lock of export " + export);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e instanceof ExportWriteException ew ? ew : new ExportWriteException("cannot lock " + file, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // another store in this JVM (a test's second "replica") holds it: the same as another process
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the original error is what matters
        }
    }
}

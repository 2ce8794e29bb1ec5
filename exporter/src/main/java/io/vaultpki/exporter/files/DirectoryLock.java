package io.vaultpki.exporter.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * An OS file lock on one lock file, held until {@link #close()}, waited for a bounded time: each export's writer
 * lock ({@link ExportLocks}, against another process on the same directory) and the one-shot run's lock on the
 * export root ({@code --once}, so a second one waits and then fails clearly). The lock is the kernel's, so a crashed
 * holder never leaves it behind; the file itself stays (it is empty).
 */
public final class DirectoryLock implements AutoCloseable {

    private static final long POLL_NANOS = 25_000_000L;

    private final FileLock lock;

    private DirectoryLock(FileLock lock) {
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, waiting at most {@code wait}.
     *
     * @throws DirectoryLockedException when another holder kept it for all of {@code wait}
     * @throws ExportWriteException     when the file cannot be opened or locked
     */
    static DirectoryLock acquire(Path file, Duration wait) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(FileSettings.MODE_0600));
        } catch (IOException e) {
            throw new ExportWriteException("cannot open the lock file " + file + ": " + e, e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new DirectoryLock(lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    channel.close();
                    throw new DirectoryLockedException(file, wait);
                }
                LockSupport.parkNanos(POLL_NANOS);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    channel.close();
                    throw new ExportWriteException("interrupted while waiting for the lock " + file);
                }
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ExportWriteException("cannot lock " + file + ": " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this JVM (a test's second run): the same as another process
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

    @Override
    public void close() {
        try {
            lock.channel().close(); // releases the lock too
        } catch (IOException ignored) {
            // the OS drops the lock with the descriptor anyway
        }
    }
}

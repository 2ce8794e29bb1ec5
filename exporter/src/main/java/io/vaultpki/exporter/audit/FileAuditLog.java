package io.vaultpki.exporter.audit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The audit log: one JSON line per {@link AuditEvent}, appended to its own file (mode 0600, never the application
 * log), rotated by size to {@code audit.log.1} ... {@code audit.log.<keep>}. Thread-safe. Recording never throws and
 * never blocks a request on a broken disk for long: an I/O failure is logged at most once a minute and the event
 * is dropped, because refusing API requests over a full audit disk would turn an audit problem into an outage.
 */
@Singleton
public class FileAuditLog implements AuditSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
    private static final Duration ERROR_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private final AuditConfiguration configuration;
    private final Clock clock;
    private final Object lock = new Object();
    private FileChannel channel;
    private long size;
    private Instant lastErrorLogged;
    private long dropped;

    @Inject
    public FileAuditLog(AuditConfiguration configuration) {
        this(configuration, Clock.systemUTC());
    }

    FileAuditLog(AuditConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    public void record(AuditEvent event) {
        byte[] line;
        try {
            line = AuditJson.line(event);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        synchronized (lock) {
            try {
                if (channel == null) {
                    open();
                }
                if (size > 0 && size + line.length > configuration.maxSize()) {
                    rotate();
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                size += line.length;
            } catch (IOException | RuntimeException e) {
                closeChannel();
                failed(e);
            }
        }
    }

    /** Events dropped because the file could not be written. */
    public long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    private void open() throws IOException {
        Path file = configuration.path();
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, DIR_MODE);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
        } catch (FileAlreadyExistsException e) {
            // appending to the existing log is the normal case after a restart
        }
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; the audit log is never written through one");
        }
        // the creation mode is subject to the umask, and an existing file may be looser: set it every time
        Files.setPosixFilePermissions(file, FILE_MODE);
        channel = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS));
        size = channel.size();
    }

    private void rotate() throws IOException {
        closeChannel();
        Path file = configuration.path();
        int keep = configuration.keep();
        if (keep == 0) {
            Files.deleteIfExists(file);
        } else {
            Files.deleteIfExists(rotated(keep));
            for (int i = keep - 1; i >= 1; i--) {
                if (Files.exists(rotated(i), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path rotated(int n) {
        Path file = configuration.path();
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void failed(Exception e) {
        synchronized (lock) {
            dropped++;
            Instant now = clock.instant();
            if (lastErrorLogged == null || !now.isBefore(lastErrorLogged.plus(ERROR_LOG_INTERVAL))) {
                lastErrorLogged = now;
                LOG.warn("Audit log {} cannot be written ({} event(s) dropped so far): {}: {}", configuration.path(),
                        dropped, e.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing the audit log failed", e);
            }
            channel = null;
        }
    }

    @Override
    @PreDestroy
    public void close() {
        synchronized (lock) {
            closeChannel();
        }
    }
}

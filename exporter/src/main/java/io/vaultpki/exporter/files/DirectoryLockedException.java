package io.vaultpki.exporter.files;

import java.nio.file.Path;
import java.time.Duration;

/** Another holder kept a {@link DirectoryLock} for the whole wait. */
public final class DirectoryLockedException extends RuntimeException {

    private final transient Path file;
    private final Duration waited;

    DirectoryLockedException(Path file, Duration waited) {
        super(file + " is still locked after " + waited);
        this.file = file;
        this.waited = waited;
    }

    public Path file() {
        return file;
    }

    public Duration waited() {
        return waited;
    }
}

package io.vaultpki.exporter.audit;

import java.nio.file.Path;

/**
 * Where and how the audit log is written: {@code exporter.audit.path} (default
 * {@code <exporter.path>/.state/audit.log}), rotated when it would pass {@code exporter.audit.max-size} (default
 * 50MB), keeping {@code exporter.audit.keep} (default 5) rotated files.
 *
 * @param path    the log file
 * @param maxSize bytes before rotation
 * @param keep    rotated files kept ({@code audit.log.1} newest); 0 discards the old file at rotation
 */
public record AuditConfiguration(Path path, long maxSize, int keep) {

    public static final String PREFIX = "exporter.audit";

    public AuditConfiguration {
        if (keep < 0 || keep > 100) {
            throw new IllegalArgumentException(PREFIX + ".keep: must be between 0 and 100");
        }
        if (maxSize < 1024) {
            throw new IllegalArgumentException(PREFIX + ".max-size: must be at least 1KiB");
        }
    }
}

package io.vaultpki.exporter.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.exporter.config.ByteSize;
import io.vaultpki.exporter.layout.ExportLayout;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.nio.file.Path;

/**
 * {@code exporter.audit.*}: where the audit log goes and when it rotates. Checked once, when the bean is built at
 * start-up; every message names the setting.
 *
 * @param path    the log file; unset or empty: {@link ExportLayout#defaultAuditLog()} under the export root
 * @param maxSize rotate before the file passes this size, such as {@code 50MB} (KB/MB/GB are KiB/MiB/GiB), at least 1KiB
 * @param keep    rotated files kept ({@code audit.log.1} newest); 0 discards the old file at rotation
 */
@Context
@ConfigurationProperties(AuditSettings.PREFIX)
public record AuditSettings(
        @Nullable Path path,
        @Bindable(defaultValue = "50MB") String maxSize,
        @Bindable(defaultValue = "5") @Min(value = 0, message = KEEP) @Max(value = 100, message = KEEP) int keep) {

    public static final String PREFIX = "exporter.audit";
    static final String KEEP = PREFIX + ".keep must be between 0 and 100, was {validatedValue}";
    private static final long MIN_SIZE = 1024;

    public AuditSettings {
        path = path == null || path.toString().isBlank() ? null : path;
        if (bytes(maxSize) < MIN_SIZE) {
            throw new ConfigurationException(PREFIX + ".max-size: must be at least 1KiB, was " + maxSize);
        }
    }

    /** {@link #maxSize()} in bytes. */
    public long maxSizeBytes() {
        return bytes(maxSize);
    }

    /** The log file: {@link #path()}, or the default under the export root. */
    public Path file(ExportLayout layout) {
        return path != null ? path : layout.defaultAuditLog();
    }

    private static long bytes(String size) {
        try {
            return ByteSize.require(PREFIX + ".max-size", size);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }
}

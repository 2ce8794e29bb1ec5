package io.vaultpki.exporter.audit;

import java.nio.file.Path;

/**
 * The audit log as {@link FileAuditLog} writes it, resolved from {@link AuditSettings} and the export root.
 *
 * @param path    the log file
 * @param maxSize bytes before rotation
 * @param keep    rotated files kept ({@code audit.log.1} newest); 0 discards the old file at rotation
 */
public record AuditConfiguration(Path path, long maxSize, int keep) {
}

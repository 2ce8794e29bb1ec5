package io.vaultpki.exporter.audit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.vaultpki.exporter.layout.ExportLayout;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** Reads {@code exporter.audit.*}; a bad value stops start-up with a message naming the setting. */
@Factory
public class AuditLogFactory {

    @Singleton
    AuditConfiguration auditConfiguration(ExportLayout layout,
                                          @Nullable @Value("${" + AuditConfiguration.PREFIX + ".path:}") String path,
                                          @Value("${" + AuditConfiguration.PREFIX + ".max-size:50MB}") String maxSize,
                                          @Value("${" + AuditConfiguration.PREFIX + ".keep:5}") int keep) {
        // the export root's layout names the default, so the log follows exporter.path and CERT_EXPORT_PATH alike
        Path file = path == null || path.isBlank() ? layout.defaultAuditLog() : Path.of(path);
        return new AuditConfiguration(file, ByteSize.require(AuditConfiguration.PREFIX + ".max-size", maxSize), keep);
    }
}

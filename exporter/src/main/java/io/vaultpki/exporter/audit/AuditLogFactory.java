package io.vaultpki.exporter.audit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** Reads {@code exporter.audit.*}; a bad value stops start-up with a message naming the setting. */
@Factory
public class AuditLogFactory {

    @Singleton
    AuditConfiguration auditConfiguration(@Value("${exporter.path:/exported-certs}") String exportPath,
                                          @Nullable @Value("${" + AuditConfiguration.PREFIX + ".path:}") String path,
                                          @Value("${" + AuditConfiguration.PREFIX + ".max-size:50MB}") String maxSize,
                                          @Value("${" + AuditConfiguration.PREFIX + ".keep:5}") int keep) {
        Path file = path == null || path.isBlank() ? Path.of(exportPath, ".state", "audit.log") : Path.of(path);
        return new AuditConfiguration(file, ByteSize.require(AuditConfiguration.PREFIX + ".max-size", maxSize), keep);
    }
}

package io.vaultpki.exporter.audit;

import io.micronaut.context.annotation.Factory;
import io.vaultpki.exporter.layout.ExportLayout;
import jakarta.inject.Singleton;

/** The audit log's file and rotation, from {@code exporter.audit.*} and the export root. */
@Factory
public class AuditLogFactory {

    @Singleton
    AuditConfiguration auditConfiguration(AuditSettings settings, ExportLayout layout) {
        // the export root's layout names the default, so the log follows exporter.path and CERT_EXPORT_PATH alike
        return new AuditConfiguration(settings.file(layout), settings.maxSizeBytes(), settings.keep());
    }
}

package io.vaultpki.exporter.audit;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditSettingsTest {

    @Test
    void auditLogDefaultsToTheStateDirectoryOfTheExportPath() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("exporter.path", "/srv/certs"), "test")) {
            AuditConfiguration c = ctx.getBean(AuditConfiguration.class);
            assertThat(c.path()).isEqualTo(Path.of("/srv/certs/.state/audit.log"));
            assertThat(c.maxSize()).isEqualTo(50L * 1024 * 1024);
            assertThat(c.keep()).isEqualTo(5);
        }
    }

    @Test
    void auditSettingsAreRead() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("exporter.audit.path", "/var/log/x.log",
                "exporter.audit.max-size", "10MiB", "exporter.audit.keep", "2"), "test")) {
            AuditConfiguration c = ctx.getBean(AuditConfiguration.class);
            assertThat(c.path()).isEqualTo(Path.of("/var/log/x.log"));
            assertThat(c.maxSize()).isEqualTo(10L * 1024 * 1024);
            assertThat(c.keep()).isEqualTo(2);
        }
    }

    @Test
    void badSizeStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = ApplicationContext.run(Map.of("exporter.audit.max-size", "huge"), "test")) {
                ctx.getBean(AuditConfiguration.class);
            }
        }).hasStackTraceContaining("exporter.audit.max-size");
    }

    @Test
    void theAuditSinkBeanIsTheFileAuditLog() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("exporter.path", "/tmp/x"), "test")) {
            assertThat(ctx.getBean(AuditSink.class)).isInstanceOf(FileAuditLog.class);
        }
    }
}

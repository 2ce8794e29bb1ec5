package io.vaultpki.exporter.audit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.vaultpki.exporter.ExporterContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static io.vaultpki.exporter.ExporterContexts.startupLine;
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
    void auditSettingsAreReadFromTheirEnvironmentVariables() {
        PropertySource env = PropertySource.of("env", Map.of("EXPORTER_AUDIT_PATH", "/var/log/audit.log",
                "EXPORTER_AUDIT_MAX_SIZE", "2MB", "EXPORTER_AUDIT_KEEP", "0"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        AuditSettings s = ExporterContexts.bound(AuditSettings.class, Map.of(), env);

        assertThat(s).isEqualTo(new AuditSettings(Path.of("/var/log/audit.log"), "2MB", 0));
        assertThat(s.maxSizeBytes()).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void anEmptyPathMeansTheDefault() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("exporter.path", "/srv/certs",
                "exporter.audit.path", ""), "test")) {
            assertThat(ctx.getBean(AuditConfiguration.class).path()).isEqualTo(Path.of("/srv/certs/.state/audit.log"));
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

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "exporter.audit.max-size|huge|exporter.audit.max-size: 'huge' is not a size such as 64KiB, 50MB or 1048576",
            "exporter.audit.max-size|1000|exporter.audit.max-size: must be at least 1KiB, was 1000",
            "exporter.audit.keep|-1|exporter.audit.keep must be between 0 and 100, was -1",
            "exporter.audit.keep|101|exporter.audit.keep must be between 0 and 100, was 101",
            "exporter.audit.keep|five|exporter.audit.keep: not a valid int: 'five'"})
    void aBadValueIsOneLineNamingTheSetting(String setting, String value, String message) {
        assertThat(startupLine(Map.of(setting, value))).isEqualTo("vault-pki-exporter: configuration error: " + message);
    }

    @Test
    void theAuditSinkBeanIsTheFileAuditLog() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("exporter.path", "/tmp/x"), "test")) {
            assertThat(ctx.getBean(AuditSink.class)).isInstanceOf(FileAuditLog.class);
        }
    }
}

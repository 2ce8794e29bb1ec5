package io.vaultpki.exporter.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FileAuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AuditEvent event(String export) {
        return AuditEvent.of(Instant.parse("2026-11-23T10:00:00Z"), "key.download", Actor.token("nginx", "10.0.0.7"), export, "success")
                .withFile("key.pem").withSerial("3c:9f").withRequest("req-1", "GET", "/api/v1/certificates/web/files/key.pem", 200)
                .withDuration(12);
    }

    @Test
    void eventIsOneJsonLineWithTheDocumentedFields() throws Exception {
        Path file = dir.resolve("state/audit.log");
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 1024 * 1024, 5))) {
            log.record(event("web"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = JSON.readValue(lines.get(0), Map.class);
        assertThat(line).containsEntry("time", "2026-11-23T10:00:00Z").containsEntry("event", "key.download")
                .containsEntry("actor", Map.of("type", "token", "name", "nginx")).containsEntry("source_ip", "10.0.0.7")
                .containsEntry("request_id", "req-1").containsEntry("method", "GET").containsEntry("export", "web")
                .containsEntry("file", "key.pem").containsEntry("serial", "3c:9f").containsEntry("outcome", "success")
                .containsEntry("status", 200).containsEntry("duration_ms", 12);
    }

    @Test
    void logFileIsCreatedWithMode0600AndItsDirectory0700() throws Exception {
        Path file = dir.resolve("state/audit.log");
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 1024 * 1024, 5))) {
            log.record(event("web"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void existingLooseLogIsTightenedAndAppendedTo() throws Exception {
        Path file = dir.resolve("audit.log");
        Files.writeString(file, "{\"event\":\"earlier\"}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 1024 * 1024, 5))) {
            log.record(event("web"));
        }
        assertThat(Files.readAllLines(file)).hasSize(2).first().asString().contains("earlier");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void fileIsRotatedBySizeKeepingTheConfiguredNumber() throws Exception {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 1024, 2))) {
            for (int i = 0; i < 40; i++) {
                log.record(event("web-" + i));
            }
        }
        assertThat(Files.size(file)).isLessThanOrEqualTo(1024);
        assertThat(Files.exists(dir.resolve("audit.log.1"))).isTrue();
        assertThat(Files.exists(dir.resolve("audit.log.2"))).isTrue();
        assertThat(Files.exists(dir.resolve("audit.log.3"))).isFalse();
        assertThat(Files.readString(file)).contains("web-39");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit.log.1")))).isEqualTo("rw-------");
    }

    @Test
    void unwritableLogNeverThrowsAndCountsDroppedEvents() throws Exception {
        Path file = dir.resolve("is-a-directory");
        Files.createDirectory(file);
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 1024 * 1024, 5))) {
            log.record(event("web"));
            log.record(event("web"));
            assertThat(log.dropped()).isEqualTo(2);
        }
    }

    @Test
    void logIsNeverWrittenThroughASymlink() throws Exception {
        Path target = dir.resolve("elsewhere.txt");
        Files.writeString(target, "");
        Path file = dir.resolve("audit.log");
        Files.createSymbolicLink(file, target);
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 1024 * 1024, 5))) {
            log.record(event("web"));
            assertThat(log.dropped()).isEqualTo(1);
        }
        assertThat(Files.readString(target)).isEmpty();
    }

    @Test
    void controlCharactersInDetailCannotBreakTheLine() throws Exception {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 1024 * 1024, 5))) {
            log.record(event("web").withDetail("line one\nFAKE {\"event\":\"forged\"}\r"));
        }
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void concurrentWritersProduceWholeLines() throws Exception {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog log = new FileAuditLog(new AuditConfiguration(file, 64 * 1024, 3))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        log.record(event("t" + thread + "-" + i));
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> all = new ArrayList<>();
        for (String name : List.of("audit.log", "audit.log.1", "audit.log.2", "audit.log.3")) {
            if (Files.exists(dir.resolve(name))) {
                all.addAll(Files.readAllLines(dir.resolve(name)));
            }
        }
        for (String line : all) {
            assertThat(JSON.readValue(line, Map.class)).containsKey("export");
        }
        assertThat(all).isNotEmpty();
    }
}

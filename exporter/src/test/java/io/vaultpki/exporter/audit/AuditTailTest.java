package io.vaultpki.exporter.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading an export's newest events back from the end of the audit file. */
class AuditTailTest {

    @TempDir
    Path dir;

    private AuditTail tail(Path file) {
        return new AuditTail(new AuditConfiguration(file, 1 << 20, 1));
    }

    @Test
    void aMissingLogHasNoEvents() {
        assertThat(tail(dir.resolve("audit.log")).recent("web", 10)).isEmpty();
    }

    @Test
    void onlyTheEndOfALargeLogIsReadAndItsCutFirstLineIsSkipped() throws Exception {
        Path file = dir.resolve("audit.log");
        StringBuilder log = new StringBuilder();
        String old = "{\"time\":\"2026-01-01T00:00:00Z\",\"event\":\"file.switch\",\"export\":\"web\",\"detail\":\"old\"}\n";
        while (log.length() < AuditTail.WINDOW * 2) {
            log.append(old);
        }
        log.append("{\"time\":\"2026-02-01T00:00:00Z\",\"event\":\"hook.run\",\"export\":\"web\"}\n");
        Files.writeString(file, log, StandardCharsets.UTF_8);

        var events = tail(file).recent("web", 100_000);

        assertThat(events.get(0)).containsEntry("event", "hook.run");
        assertThat(events).hasSizeLessThanOrEqualTo(AuditTail.WINDOW / old.length() + 1);
        assertThat(events.subList(1, events.size())).allSatisfy(e -> assertThat(e).containsEntry("detail", "old"));
    }

    @Test
    void aPartlyWrittenOrForeignLineIsSkipped() throws Exception {
        Path file = dir.resolve("audit.log");
        Files.writeString(file, "[1,2]\n\"text\"\n{\"event\":\"file.switch\",\"export\":\"web\"}\n{\"event\":\"hook.r");

        assertThat(tail(file).recent("web", 10)).hasSize(1);
    }

    @Test
    void aLogThatIsASymbolicLinkIsNotFollowed() throws Exception {
        Path target = dir.resolve("elsewhere.log");
        Files.writeString(target, "{\"event\":\"file.switch\",\"export\":\"web\"}\n");
        Path link = Files.createSymbolicLink(dir.resolve("audit.log"), target);

        assertThat(tail(link).recent("web", 10)).isEmpty();
    }
}

package io.vaultpki.exporter.layout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportLayoutTest {

    private final ExportLayout layout = new ExportLayout(Path.of("/srv/certs"));

    @Test
    void everyPathOfTheExportersOwnStateIsUnderTheRoot() {
        assertThat(layout.stateDirectory()).isEqualTo(Path.of("/srv/certs/.state"));
        assertThat(layout.specsDirectory()).isEqualTo(Path.of("/srv/certs/.state/specs"));
        assertThat(layout.specFile("web")).isEqualTo(Path.of("/srv/certs/.state/specs/web.json"));
        assertThat(layout.locksDirectory()).isEqualTo(Path.of("/srv/certs/.state/locks"));
        assertThat(layout.lockFile("web")).isEqualTo(Path.of("/srv/certs/.state/locks/web.lock"));
        assertThat(layout.defaultAuditLog()).isEqualTo(Path.of("/srv/certs/.state/audit.log"));
        assertThat(layout.exportDirectory("web")).isEqualTo(Path.of("/srv/certs/web"));
        assertThat(layout.temporarySpecFile().getParent()).isEqualTo(layout.specsDirectory());
        assertThat(layout.temporarySpecFile().getFileName().toString()).startsWith(ExportLayout.TMP_PREFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {".state", "..", "../etc", "a/b", "", "Web", ".tmp-x", "..data"})
    void aNameThatIsNotAnExportNameNeverBecomesADirectory(String name) {
        assertThat(ExportLayout.isExportName(name)).isFalse();
        assertThatThrownBy(() -> layout.exportDirectory(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpecFileNamesItsExportAndNothingElseDoes() {
        assertThat(ExportLayout.exportOfSpecFile(layout.specFile("shop"))).isEqualTo("shop");
        assertThat(ExportLayout.exportOfSpecFile(layout.temporarySpecFile())).isNull();
        assertThat(ExportLayout.exportOfSpecFile(Path.of("/srv/certs/.state/specs/shop.txt"))).isNull();
        assertThat(ExportLayout.exportOfSpecFile(Path.of("/srv/certs/.state/specs/..json"))).isNull();
    }

    @Test
    void versionNamesCarryTheUtcTimeAndTheFirstEightHexDigitsOfTheSerial() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        String name = ExportLayout.versionName(at, "3A:1F:9C:01:77:AA", 1);

        assertThat(name).isEqualTo("..2026-11-23T10.00.00Z.3a1f9c01");
        assertThat(ExportLayout.versionName(at, "3a-1f", 3)).isEqualTo("..2026-11-23T10.00.00Z.3a1f-3");
        assertThat(ExportLayout.isVersionName(name)).isTrue();
        assertThat(ExportLayout.isVersionName(name + "-2")).isTrue();
        assertThat(ExportLayout.isVersionName(ExportLayout.DATA)).isFalse();
        assertThat(ExportLayout.isVersionName("../..2026-11-23T10.00.00Z.3a1f9c01")).isFalse();
    }
}

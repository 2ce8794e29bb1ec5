package io.vaultpki.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The child JVMs' flags are the images' flags: the one file the build copies beside each app's jar. */
class ImageJvmOptionsTest {

    private static final Path SOURCE = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("app-support/src/main/container/jvm.options");

    @Test
    void anArgumentFileIsReadAsTheJavaLauncherReadsIt() {
        assertThat(ImageJvmOptions.parse(List.of("# heap", "-XX:MaxRAMPercentage=40   # of the limit", "",
                "  -XX:+UseSerialGC -XX:TieredStopAtLevel=1", "#-XX:+Disabled")))
                .containsExactly("-XX:MaxRAMPercentage=40", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void bothAppsJarsCarryTheImagesFlagsFileUnchanged() throws IOException {
        List<String> source = ImageJvmOptions.parse(Files.readAllLines(SOURCE));

        assertThat(source).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(ImageJvmOptions.of(Path.of(System.getProperty("bench.monitor.jar")))).isEqualTo(source);
        assertThat(ImageJvmOptions.of(Path.of(System.getProperty("bench.exporter.jar")))).isEqualTo(source);
    }

    @Test
    void aJarWithoutTheFlagsFileBesideItIsRefusedWithTheBuildCommand(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> ImageJvmOptions.of(dir.resolve("app.jar")))
                .hasMessageContaining("jvm.options does not exist").hasMessageContaining("package");
    }
}

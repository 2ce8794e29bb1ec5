package io.vaultpki.emulator.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DemoDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void theDirectoryIsAtAFixedPlaceOwnerOnlyAndRemovedWithEverythingInItAtClose() throws IOException {
        Path path;
        try (DemoDirectory dir = DemoDirectory.claim(tmp, "app-demo")) {
            path = dir.path();
            assertThat(path).isEqualTo(tmp.resolve("app-demo")).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rwx------");
            Files.createDirectories(path.resolve("exports/web/..2026"));
            Files.writeString(path.resolve("exports/web/..2026/key.pem"), "k");
            Files.createSymbolicLink(path.resolve("exports/web/..data"), Path.of("..2026"));
        }
        assertThat(path).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aSecondRunFindsTheSamePathEmptiedOfWhatAKilledRunLeft() throws IOException {
        Path leftover = Files.createDirectories(tmp.resolve("app-demo/exports/old"));
        Files.writeString(leftover.resolve("cert.pem"), "stale");
        Files.writeString(tmp.resolve("app-demo/api-token"), "stale");
        try (DemoDirectory dir = DemoDirectory.claim(tmp, "app-demo")) {
            assertThat(dir.path()).isEqualTo(tmp.resolve("app-demo"));
            try (var entries = Files.list(dir.path())) {
                assertThat(entries.map(p -> p.getFileName().toString())).containsOnly(DemoDirectory.LOCK_FILE);
            }
        }
        assertThat(tmp.resolve("app-demo")).doesNotExist();
    }

    @Test
    void aSecondDemoWhileTheFirstRunsIsRefusedAndTouchesNothing() throws IOException {
        try (DemoDirectory first = DemoDirectory.claim(tmp, "app-demo")) {
            Path token = Files.writeString(first.path().resolve("api-token"), "t");
            assertThatThrownBy(() -> DemoDirectory.claim(tmp, "app-demo"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("another demo is running in " + first.path() + "; stop it first");
            assertThat(token).hasContent("t");
        }
    }

    @Test
    void aSymbolicLinkPlantedAtThePathIsRefusedAndItsTargetUntouched() throws IOException {
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("precious"), "keep");
        Files.createSymbolicLink(tmp.resolve("app-demo"), victim);
        assertThatThrownBy(() -> DemoDirectory.claim(tmp, "app-demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a directory (or is a symbolic link)");
        assertThat(victim.resolve("precious")).hasContent("keep");
        assertThat(victim.resolve(DemoDirectory.LOCK_FILE)).doesNotExist();
    }

    @Test
    void aRegularFileAtThePathIsRefused() throws IOException {
        Files.writeString(tmp.resolve("app-demo"), "x");
        assertThatThrownBy(() -> DemoDirectory.claim(tmp, "app-demo")).isInstanceOf(IllegalStateException.class);
        assertThat(tmp.resolve("app-demo")).hasContent("x");
    }

    @Test
    void aSymbolicLinkInsideIsRemovedWithoutFollowingIt() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "keep");
        try (DemoDirectory dir = DemoDirectory.claim(tmp, "app-demo")) {
            Files.createSymbolicLink(dir.path().resolve("exports"), outside);
        }
        assertThat(outside.resolve("precious")).hasContent("keep");
        assertThat(tmp.resolve("app-demo")).doesNotExist();
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws IOException {
        Path foreign = Files.createDirectory(tmp.resolve("app-demo"));
        UserPrincipal nobody;
        try {
            nobody = foreign.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(foreign, nobody);
        } catch (IOException | UnsupportedOperationException notRoot) {
            assumeTrue(false, "changing a file's owner needs root");
            return;
        }
        assertThatThrownBy(() -> DemoDirectory.claim(tmp, "app-demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to nobody");
        assertThat(Files.getOwner(foreign, LinkOption.NOFOLLOW_LINKS)).isEqualTo(nobody);
    }

    @Test
    void theNameCannotLeaveTheTemporaryDirectory() {
        assertThatThrownBy(() -> DemoDirectory.claim(tmp, "../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoDirectory.claim(tmp, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBaseIsTmpdirWhenSetLikeAShellsDefault() {
        assertThat(DemoDirectory.temporaryBase(Map.of("TMPDIR", "/var/tmp/me"))).isEqualTo(Path.of("/var/tmp/me"));
        assertThat(DemoDirectory.temporaryBase(Map.of())).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(DemoDirectory.temporaryBase(Map.of("TMPDIR", " "))).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    }
}

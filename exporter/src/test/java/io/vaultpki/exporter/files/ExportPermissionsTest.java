package io.vaultpki.exporter.files;

import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.exporter.spec.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static io.vaultpki.exporter.files.TestFiles.issueSpec;
import static io.vaultpki.exporter.files.TestFiles.mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportPermissionsTest {

    private static TestPki pki;

    @TempDir
    Path temp;

    @BeforeAll
    static void startVault() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stopVault() {
        pki.close();
    }

    @Test
    void directoriesPublicAndPrivateFilesGetExactModes() throws Exception {
        Path root = temp.resolve("exports");
        FileSettings settings = new FileSettings(root, null, null, 1, Duration.ofMinutes(2), FileSecrets.of("p".toCharArray(), null));
        WriteResult result = new ExportStore(settings, Clock.systemUTC())
                .write(issueSpec("modes", Format.values()), pki.leaf("modes.example.com", KeyAlgorithm.EC_P256),
                        Instant.now().plusSeconds(60), false);
        Path version = result.versionDirectory();

        assertThat(mode(root)).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("modes"))).isEqualTo("rwxr-x---");
        assertThat(mode(version)).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve(".state"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve(".state/locks"))).isEqualTo("rwx------");
        for (String name : new String[] {"cert.pem", "chain.pem", "fullchain.pem", "ca.pem", "cert.der", "metadata.json"}) {
            assertThat(mode(version.resolve(name))).as(name).isEqualTo("rw-r--r--");
        }
        for (String name : new String[] {"key.pem", "key.der", "bundle.p12", "combined.pem"}) {
            assertThat(mode(version.resolve(name))).as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void keyMode0640WithAGroupLetsThatGroupReadKeysButNobodyElse() throws Exception {
        Path root = temp.resolve("grouped");
        String group = Files.readAttributes(temp, PosixFileAttributes.class).group().getName();
        FileSettings settings = new FileSettings(root, group, PosixFilePermissions.fromString("rw-r-----"), 1,
                Duration.ofMinutes(2), FileSecrets.none());
        WriteResult result = new ExportStore(settings, Clock.systemUTC())
                .write(issueSpec("grouped"), pki.leaf("grouped.example.com", KeyAlgorithm.EC_P256), Instant.now(), false);
        Path version = result.versionDirectory();

        assertThat(mode(version.resolve("key.pem"))).isEqualTo("rw-r-----");
        assertThat(mode(version.resolve("key.der"))).isEqualTo("rw-r-----");
        for (Path p : new Path[] {root.resolve("grouped"), version, version.resolve("key.pem"), version.resolve("cert.pem")}) {
            assertThat(Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).group().getName())
                    .as(p.toString()).isEqualTo(group);
        }
    }

    @Test
    void noPrivateFileIsEverWorldReadable() throws Exception {
        Path root = temp.resolve("world");
        WriteResult result = new ExportStore(new FileSettings(root, null, null, 1, Duration.ZERO,
                FileSecrets.of("p".toCharArray(), null)), Clock.systemUTC())
                .write(issueSpec("world", Format.values()), pki.leaf("world.example.com", KeyAlgorithm.RSA_2048),
                        Instant.now(), false);

        try (Stream<Path> files = Files.list(result.versionDirectory())) {
            for (Path p : files.toList()) {
                if (Map.of("key.pem", 1, "key.der", 1, "bundle.p12", 1, "combined.pem", 1).containsKey(p.getFileName().toString())) {
                    assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                            .doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                                    PosixFilePermission.GROUP_WRITE);
                }
            }
        }
    }

    @Test
    void worldOrGroupWritableKeyModesAreRejected() {
        for (String mode : new String[] {"rw-r--r--", "rw-rw----", "rwx------", "rw----r--"}) {
            assertThatThrownBy(() -> new FileSettings(temp, null, PosixFilePermissions.fromString(mode), 1,
                    Duration.ZERO, FileSecrets.none())).as(mode).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void settingsRejectNoVersionsAndNegativeGrace() {
        assertThatThrownBy(() -> new FileSettings(temp, null, null, 0, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keep-versions");
        assertThatThrownBy(() -> new FileSettings(temp, null, null, 1, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
    }

    @Test
    void defaultsAreKeys0600OneVersionTwoMinutesNoSecrets() {
        FileSettings d = FileSettings.defaults(temp);

        assertThat(PosixFilePermissions.toString(d.keyMode())).isEqualTo("rw-------");
        assertThat(d.group()).isNull();
        assertThat(d.keepVersions()).isEqualTo(1);
        assertThat(d.grace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.secrets().pkcs12Password()).isEmpty();
        assertThat(d.secrets().keyPassphrase()).isEmpty();
    }

    @Test
    void secretsNeverPrintThemselves() {
        FileSecrets secrets = FileSecrets.of("hunter2".toCharArray(), "swordfish".toCharArray());

        assertThat(secrets.toString()).doesNotContain("hunter2").doesNotContain("swordfish").contains("****");
        assertThat(new String(secrets.pkcs12Password().orElseThrow())).isEqualTo("hunter2");
        assertThat(FileSettings.defaults(temp).toString()).doesNotContain("hunter2");
    }
}

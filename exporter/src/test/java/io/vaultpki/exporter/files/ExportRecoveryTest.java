package io.vaultpki.exporter.files;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.exporter.material.CertificateMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import static io.vaultpki.exporter.files.TestFiles.issueSpec;
import io.vaultpki.exporter.DirectorySnapshot;
import static org.assertj.core.api.Assertions.assertThat;

class ExportRecoveryTest {

    private static TestPki pki;
    private static CertificateMaterial first;
    private static CertificateMaterial second;
    private static CertificateMaterial third;

    @TempDir
    Path root;
    @TempDir
    Path outside;

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void startVault() {
        pki = TestPki.start();
        first = pki.leaf("rec.example.com", KeyAlgorithm.EC_P256);
        second = pki.leaf("rec.example.com", KeyAlgorithm.EC_P256);
        third = pki.leaf("rec.example.com", KeyAlgorithm.EC_P256);
    }

    @AfterAll
    static void stopVault() {
        pki.close();
    }

    private ExportStore store(int keepVersions, Duration grace) {
        return new ExportStore(new FileSettings(root, null, null, keepVersions, grace, FileSecrets.none()), clock);
    }

    private Path write(ExportStore store, String name, CertificateMaterial material) {
        clock.advance(Duration.ofSeconds(1));
        return store.write(issueSpec(name), material, Instant.now(), false).versionDirectory();
    }

    private static Path data(Path dir) {
        return dir.resolve("..data");
    }

    @Test
    void leftoverTempDirectoriesAndDataTmpAreRemoved() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path version = write(store, "tmp", first);
        Path dir = root.resolve("tmp");
        Path tmp = Files.createDirectory(dir.resolve(".tmp-" + UUID.randomUUID()));
        Files.write(tmp.resolve("cert.pem"), new byte[] {'-', '-'});
        Files.createSymbolicLink(dir.resolve("..data_tmp"), version.getFileName());

        RecoveryReport report = store.recover();

        assertThat(report.removedTempDirs()).containsExactlyInAnyOrder("tmp/" + tmp.getFileName(), "tmp/..data_tmp");
        assertThat(report.repointedExports()).isEmpty();
        assertThat(report.brokenExports()).isEmpty();
        assertThat(tmp).doesNotExist();
        assertThat(Files.exists(dir.resolve("..data_tmp"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(store.isIntact("tmp")).isTrue();
    }

    @Test
    void aDanglingDataLinkIsRepointedToTheNewestIntactVersion() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path older = write(store, "dangle", first);
        Path newer = write(store, "dangle", second);
        ExportDirectory.deleteTree(newer);

        RecoveryReport report = store.recover();

        assertThat(report.repointedExports()).containsExactly("dangle");
        assertThat(Files.readSymbolicLink(data(root.resolve("dangle")))).isEqualTo(older.getFileName());
        assertThat(store.current("dangle")).map(ExportMetadata::serial).contains(first.serialNumber());
        assertThat(Files.readString(root.resolve("dangle/cert.pem"))).isEqualTo(Files.readString(older.resolve("cert.pem")));
    }

    @Test
    void aMissingDataLinkAndMissingVisibleLinksAreRestoredFromACompleteVersion() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path version = write(store, "missing", first);
        Path dir = root.resolve("missing");
        Files.delete(data(dir));
        Files.delete(dir.resolve("key.pem"));
        assertThat(store.isIntact("missing")).isFalse();

        RecoveryReport report = store.recover();

        assertThat(report.repointedExports()).containsExactly("missing");
        assertThat(store.isIntact("missing")).isTrue();
        assertThat(Files.readSymbolicLink(dir.resolve("key.pem"))).isEqualTo(Path.of("..data/key.pem"));
        assertThat(Files.readAllBytes(dir.resolve("key.pem"))).isEqualTo(Files.readAllBytes(version.resolve("key.pem")));
    }

    @Test
    void aVersionWithATruncatedFileIsNeverChosen() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path good = write(store, "trunc", first);
        Path damaged = write(store, "trunc", second);
        byte[] key = Files.readAllBytes(damaged.resolve("key.pem"));
        Files.write(damaged.resolve("key.pem"), Arrays.copyOf(key, key.length / 2));
        Files.delete(data(root.resolve("trunc")));

        RecoveryReport report = store.recover();

        assertThat(report.repointedExports()).containsExactly("trunc");
        assertThat(Files.readSymbolicLink(data(root.resolve("trunc")))).isEqualTo(good.getFileName());
        assertThat(store.current("trunc")).map(ExportMetadata::serial).contains(first.serialNumber());
    }

    @Test
    void withNoIntactVersionRecoveryReportsBrokenAndCreatesNothing() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path only = write(store, "lost", first);
        Files.write(only.resolve("cert.pem"), new byte[0]);
        Files.delete(data(root.resolve("lost")));
        var before = DirectorySnapshot.of(root.resolve("lost"));

        RecoveryReport report = store.recover();

        assertThat(report.brokenExports()).containsExactly("lost");
        assertThat(report.repointedExports()).isEmpty();
        assertThat(DirectorySnapshot.of(root.resolve("lost"))).isEqualTo(before);
        assertThat(store.files("lost")).isEmpty();
    }

    @Test
    void recoveryHandsOverTheCurrentVersionItCheckedSoStartUpNeedNotReadItAgain() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        write(store, "kept", first);
        write(store, "moved", first);
        Path newest = write(store, "moved", second);
        ExportDirectory.deleteTree(newest);

        RecoveryReport report = store.recover();

        // what a read of the store would say now, for the intact one and for the repointed one
        assertThat(report.checkedCurrent("kept")).isEqualTo(store.current("kept")).isPresent();
        assertThat(report.checkedCurrent("moved")).isEqualTo(store.current("moved"))
                .map(ExportMetadata::serial).contains(first.serialNumber());
        assertThat(report.currentVersions()).containsOnlyKeys("kept", "moved");
    }

    @Test
    void aBrokenOrUnknownExportHasNoCheckedCurrentVersion() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path only = write(store, "lost", first);
        Files.write(only.resolve("cert.pem"), new byte[0]);
        Path damaged = write(store, "damaged", first);
        Files.write(damaged.resolve("key.pem"), "not the key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.delete(data(root.resolve("lost")));

        RecoveryReport report = store.recover();

        // a version whose file is empty or no longer matches its hash is not intact: none is handed over
        assertThat(report.brokenExports()).containsExactlyInAnyOrder("lost", "damaged");
        assertThat(report.checkedCurrent("lost")).isEmpty();
        assertThat(report.checkedCurrent("damaged")).isEmpty().isEqualTo(store.current("damaged"));
        assertThat(report.checkedCurrent("never-written")).isEmpty();
    }

    @Test
    void afterRecoveryNoVisibleFileIsEmptyOrDangling() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        write(store, "clean", first);
        Path newest = write(store, "clean", second);
        ExportDirectory.deleteTree(newest);
        Files.createDirectory(root.resolve("clean").resolve(".tmp-" + UUID.randomUUID()));

        store.recover();

        try (Stream<Path> entries = Files.list(root.resolve("clean"))) {
            for (Path p : entries.filter(Files::isSymbolicLink).toList()) {
                assertThat(p).as(p.toString()).exists();
                if (Files.isRegularFile(p)) {
                    assertThat(Files.size(p)).as(p.toString()).isPositive();
                }
            }
        }
    }

    @Test
    void recoveryAndGarbageCollectionIgnoreStateAndNonExportDirectories() throws Exception {
        ExportStore store = store(1, Duration.ZERO);
        write(store, "real", first);
        Path stray = Files.createDirectories(root.resolve("Not An Export").resolve(".tmp-" + UUID.randomUUID()));
        Path stateTmp = Files.createDirectories(root.resolve(".state").resolve(".tmp-x"));

        RecoveryReport report = store.recover();
        store.collectGarbage();

        assertThat(report.removedTempDirs()).isEmpty();
        assertThat(report.brokenExports()).isEmpty();
        assertThat(stray).exists();
        assertThat(stateTmp).exists();
    }

    @Test
    void garbageCollectionKeepsTheNewestOldVersionAndRemovesOlderOnesOnlyAfterGrace() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path v1 = write(store, "gc", first);
        Path v2 = write(store, "gc", second);
        Path v3 = write(store, "gc", third);

        assertThat(store.collectGarbage()).isZero();
        assertThat(v1).exists();

        clock.advance(Duration.ofMinutes(2));
        assertThat(store.collectGarbage()).isEqualTo(1);

        assertThat(v1).doesNotExist();
        assertThat(v2).exists();
        assertThat(v3).exists();
        assertThat(store.isIntact("gc")).isTrue();
    }

    @Test
    void garbageCollectionHonoursKeepVersions() throws Exception {
        ExportStore store = store(2, Duration.ZERO);
        Path v1 = write(store, "keep", first);
        Path v2 = write(store, "keep", second);
        Path v3 = write(store, "keep", third);
        Path v4 = write(store, "keep", first);

        assertThat(store.collectGarbage()).isEqualTo(1);

        assertThat(v1).doesNotExist();
        assertThat(v2).exists();
        assertThat(v3).exists();
        assertThat(v4).exists();
    }

    @Test
    void graceCountsFromWhenAVersionWasSupersededNotWhenItWasWritten() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Path v1 = write(store, "old", first);
        clock.advance(Duration.ofDays(1));
        write(store, "old", second);
        write(store, "old", third);

        assertThat(store.collectGarbage()).isZero();
        assertThat(v1).exists();
    }

    @Test
    void purgeRemovesOnlyTheExportDirectoryAndNeverFollowsLinksOut() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        write(store, "doomed", first);
        write(store, "neighbour", second);
        Path victim = Files.writeString(outside.resolve("victim.txt"), "keep me");
        Path victimDir = Files.createDirectory(outside.resolve("victim-dir"));
        Files.writeString(victimDir.resolve("inner.txt"), "keep me too");
        Files.createSymbolicLink(root.resolve("doomed/escape"), victim);
        Files.createSymbolicLink(root.resolve("doomed/escape-dir"), victimDir);
        var neighbourBefore = DirectorySnapshot.of(root.resolve("neighbour"));

        assertThat(store.purge("doomed")).isTrue();

        assertThat(Files.exists(root.resolve("doomed"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.readString(victimDir.resolve("inner.txt"))).isEqualTo("keep me too");
        assertThat(DirectorySnapshot.of(root.resolve("neighbour"))).isEqualTo(neighbourBefore);
        assertThat(store.purge("doomed")).isFalse();
    }

    @Test
    void purgingAnExportDirectoryThatIsASymlinkRemovesOnlyTheLink() throws Exception {
        ExportStore store = store(1, Duration.ofMinutes(2));
        Files.createDirectories(root);
        Files.writeString(outside.resolve("precious.txt"), "keep");
        Files.createSymbolicLink(root.resolve("linked"), outside);

        assertThat(store.purge("linked")).isTrue();

        assertThat(Files.exists(root.resolve("linked"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(outside.resolve("precious.txt"))).isEqualTo("keep");
    }
}

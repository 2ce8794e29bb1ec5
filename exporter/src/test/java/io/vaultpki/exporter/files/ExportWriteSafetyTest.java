package io.vaultpki.exporter.files;

import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.vaultpki.exporter.files.TestFiles.issueSpec;
import io.vaultpki.exporter.DirectorySnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportWriteSafetyTest {

    private static TestPki pki;
    private static CertificateMaterial first;
    private static CertificateMaterial second;

    @TempDir
    Path root;
    @TempDir
    Path outside;

    @BeforeAll
    static void startVault() {
        pki = TestPki.start();
        first = pki.leaf("safe.example.com", KeyAlgorithm.EC_P256);
        second = pki.leaf("safe.example.com", KeyAlgorithm.RSA_2048);
    }

    @AfterAll
    static void stopVault() {
        pki.close();
    }

    private ExportStore store() {
        return new ExportStore(FileSettings.defaults(root), Clock.systemUTC());
    }

    private static Instant renewAt() {
        return Instant.now().plusSeconds(3600);
    }

    @Test
    void anUnchangedRewriteSwitchesNothingAndLeavesTheVersionUntouched() throws Exception {
        ExportStore store = store();
        WriteResult written = store.write(issueSpec("same"), first, renewAt(), false);
        Map<String, String> before = DirectorySnapshot.of(root);

        WriteResult again = store.write(issueSpec("same"), first, renewAt(), false);

        assertThat(written.switched()).isTrue();
        assertThat(again.switched()).isFalse();
        assertThat(again.versionDirectory()).isEqualTo(written.versionDirectory());
        assertThat(again.metadata()).isEqualTo(written.metadata());
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void anUnchangedRewriteWithRandomlySaltedFilesSwitchesNothing() throws Exception {
        FileSettings d = FileSettings.defaults(root);
        ExportStore store = new ExportStore(new FileSettings(root, null, d.keyMode(), 1, d.grace(),
                FileSecrets.of("p12".toCharArray(), "pass".toCharArray())), Clock.systemUTC());
        ExportSpec spec = issueSpec("salted", Format.PEM, Format.DER, Format.PKCS12);
        store.write(spec, first, renewAt(), false);
        Map<String, String> before = DirectorySnapshot.of(root);

        assertThat(store.write(spec, first, renewAt(), false).switched()).isFalse();
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void aChangedSpecOrCertificateSwitchesToANewVersion() {
        ExportStore store = store();
        WriteResult a = store.write(issueSpec("change"), first, renewAt(), false);

        WriteResult b = store.write(issueSpec("change", Format.PEM), first, renewAt(), false);
        WriteResult c = store.write(issueSpec("change", Format.PEM), second, renewAt(), false);

        assertThat(b.switched()).isTrue();
        assertThat(c.switched()).isTrue();
        assertThat(List.of(a.versionDirectory(), b.versionDirectory(), c.versionDirectory())).doesNotHaveDuplicates();
        assertThat(store.current("change")).map(ExportMetadata::serial).contains(second.serialNumber());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedAndTheDiskIsUnchanged() throws Exception {
        ExportStore store = store();
        store.write(issueSpec("mixed"), first, renewAt(), false);
        Map<String, String> before = DirectorySnapshot.of(root);
        CertificateMaterial mixed = new CertificateMaterial(first.leaf(), first.chain(), first.roots(),
                second.privateKey(), List.of());

        assertThatThrownBy(() -> store.write(issueSpec("mixed"), mixed, renewAt(), false))
                .isInstanceOf(InvalidMaterialException.class).hasMessageContaining("does not match");
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void aBrokenChainIsRefusedAndTheDiskIsUnchanged() throws Exception {
        ExportStore store = store();
        store.write(issueSpec("broken"), first, renewAt(), false);
        Map<String, String> before = DirectorySnapshot.of(root);
        // the root in place of the intermediate: the leaf is not signed by it
        CertificateMaterial broken = new CertificateMaterial(first.leaf(), first.roots(), first.roots(),
                first.privateKey(), List.of());

        assertThatThrownBy(() -> store.write(issueSpec("broken"), broken, renewAt(), false))
                .isInstanceOf(InvalidMaterialException.class).hasMessageContaining("not signed");
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void aChainThatDoesNotReachTheTrustAnchorIsRefused() {
        CertificateMaterial foreignRoot = new CertificateMaterial(first.leaf(), first.chain(),
                List.of(second.leaf()), first.privateKey(), List.of());

        assertThatThrownBy(() -> store().write(issueSpec("anchor"), foreignRoot, renewAt(), false))
                .isInstanceOf(InvalidMaterialException.class).hasMessageContaining("trust anchor");
        assertThat(root.resolve("anchor")).doesNotExist();
    }

    @Test
    void pkcs12WithoutAPasswordIsRefusedNamingTheSettingAndTheDiskIsUnchanged() throws Exception {
        ExportStore store = store();
        store.write(issueSpec("p12"), first, renewAt(), false);
        Map<String, String> before = DirectorySnapshot.of(root);

        assertThatThrownBy(() -> store.write(issueSpec("p12", Format.PKCS12), first, renewAt(), false))
                .isInstanceOf(InvalidMaterialException.class)
                .hasMessageContaining("exporter.files.pkcs12-password").hasMessageContaining("exporter.files.pkcs12-password-file");
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void aSymlinkPlantedAtAVisibleNameIsRefusedAndItsTargetUntouched() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim.txt"), "do not touch");
        Path dir = Files.createDirectories(root.resolve("planted"));
        Files.createSymbolicLink(dir.resolve("key.pem"), victim);
        Map<String, String> before = DirectorySnapshot.of(dir);

        assertThatThrownBy(() -> store().write(issueSpec("planted"), first, renewAt(), false))
                .isInstanceOf(ExportWriteException.class).hasMessageContaining(dir.resolve("key.pem").toString());

        assertThat(Files.readString(victim)).isEqualTo("do not touch");
        assertThat(DirectorySnapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void aRegularFileAtAVisibleNameIsRefusedAndKept() throws Exception {
        ExportStore store = store();
        store.write(issueSpec("handmade"), first, renewAt(), false);
        Path cert = root.resolve("handmade/cert.pem");
        Files.delete(cert);
        Files.writeString(cert, "hand edited");

        assertThatThrownBy(() -> store.write(issueSpec("handmade"), second, renewAt(), false))
                .isInstanceOf(ExportWriteException.class).hasMessageContaining(cert.toString());
        assertThat(Files.readString(cert)).isEqualTo("hand edited");
    }

    @Test
    void anExportDirectoryThatIsASymlinkIsRefused() throws Exception {
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("hijacked"), outside);
        Map<String, String> outsideBefore = DirectorySnapshot.of(outside);

        assertThatThrownBy(() -> store().write(issueSpec("hijacked"), first, renewAt(), false))
                .isInstanceOf(ExportWriteException.class).hasMessageContaining("symlink");

        assertThat(DirectorySnapshot.of(outside)).isEqualTo(outsideBefore);
        assertThat(store().current("hijacked")).isEmpty();
        assertThat(store().read("hijacked", "cert.pem")).isEmpty();
    }

    @Test
    void anInvalidExportNameIsRejected() {
        assertThatThrownBy(() -> store().directory("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().write(issueSpec(".state"), first, renewAt(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondWriterOfTheSameExportWaitsForTheFirst() throws Exception {
        ExportStore store = store();
        store.write(issueSpec("serial"), first, renewAt(), false);
        CompletableFuture<WriteResult> waiting;
        try (ExportLocks.Handle held = store.locks().acquire("serial")) {
            waiting = CompletableFuture.supplyAsync(() -> store.write(issueSpec("serial"), second, renewAt(), false));
            assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(store.current("serial")).map(ExportMetadata::serial).contains(first.serialNumber());
        }
        assertThat(waiting.get(30, TimeUnit.SECONDS).switched()).isTrue();
        assertThat(store.current("serial")).map(ExportMetadata::serial).contains(second.serialNumber());
    }

    @Test
    void concurrentWritersOfTheSameExportLeaveOneIntactVersionEach() throws Exception {
        ExportStore store = store();
        List<CompletableFuture<WriteResult>> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CertificateMaterial m = i % 2 == 0 ? first : second;
            ExportSpec spec = issueSpec("race", i % 3 == 0 ? Format.PEM : Format.DER);
            writes.add(CompletableFuture.supplyAsync(() -> store.write(spec, m, renewAt(), false)));
        }
        for (CompletableFuture<WriteResult> w : writes) {
            w.get(60, TimeUnit.SECONDS);
        }
        assertThat(store.isIntact("race")).isTrue();
        try (var entries = Files.list(root.resolve("race"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-") || n.equals("..data_tmp"));
        }
    }

    @Test
    void aSecondReplicaIsRefusedWhileTheLockIsHeld() {
        ExportStore replicaOne = store();
        ExportStore replicaTwo = new ExportStore(FileSettings.defaults(root), Clock.systemUTC(), Duration.ofMillis(200));
        replicaOne.write(issueSpec("shared"), first, renewAt(), false);

        try (ExportLocks.Handle held = replicaOne.locks().acquire("shared")) {
            assertThatThrownBy(() -> replicaTwo.write(issueSpec("shared"), second, renewAt(), false))
                    .isInstanceOf(ExportWriteException.class).hasMessageContaining("another exporter process");
        }
        assertThat(replicaTwo.write(issueSpec("shared"), second, renewAt(), false).switched()).isTrue();
        assertThat(Files.exists(root.resolve(".state/locks/shared.lock"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Optional.of(replicaOne.current("shared").orElseThrow().serial())).contains(second.serialNumber());
    }
}

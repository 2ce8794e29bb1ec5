package io.vaultpki.exporter.files;

import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "mismatch hunter": readers in a tight loop while the writer switches versions. Readers that follow the
 * documented contract never see a certificate of one version with the key of another, and never miss a file.
 */
class ReaderContractTest {

    private static final int SWITCHES = 200;
    private static TestPki pki;
    private static final List<CertificateMaterial> MATERIALS = new ArrayList<>();

    @TempDir
    Path root;

    @BeforeAll
    static void startVault() {
        pki = TestPki.start();
        for (int i = 0; i < 4; i++) {
            MATERIALS.add(pki.leaf("hunt.example.com", i % 2 == 0 ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048));
        }
    }

    @AfterAll
    static void stopVault() {
        pki.close();
    }

    /** Counts of one reader kind. */
    private static final class Tally {
        final AtomicLong reads = new AtomicLong();
        final AtomicLong mismatches = new AtomicLong();
        final AtomicLong missing = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
    }

    @Test
    void readersFollowingTheContractNeverSeeAMismatchedPairDuringSwitches() throws Exception {
        ExportSpec spec = TestFiles.issueSpec("hunt", Format.PEM);
        Set<String> validPairs = new HashSet<>();
        FileSetRenderer renderer = new FileSetRenderer(FileSecrets.none());
        for (CertificateMaterial m : MATERIALS) {
            List<RenderedFile> files = renderer.render(spec, m);
            byte[] cert = files.stream().filter(f -> f.name().equals("cert.pem")).findFirst().orElseThrow().bytes();
            byte[] key = files.stream().filter(f -> f.name().equals("key.pem")).findFirst().orElseThrow().bytes();
            validPairs.add(Hashes.sha256(cert) + Hashes.sha256(key));
        }
        // a grace far longer than the test: GC runs during the loop but never removes a version a reader may hold
        ExportStore store = new ExportStore(new FileSettings(root, null, null, 1, Duration.ofMinutes(10),
                FileSecrets.none()), Clock.systemUTC());
        store.write(spec, MATERIALS.get(0), Instant.now(), false);
        Path dir = root.resolve("hunt");

        Tally resolveOnce = new Tally();
        Tally recheck = new Tally();
        Tally naive = new Tally();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            readers.add(pool.submit(() -> loop(running, () -> readResolvedOnce(dir, validPairs, resolveOnce))));
            readers.add(pool.submit(() -> loop(running, () -> readWithRecheck(dir, validPairs, recheck))));
        }
        readers.add(pool.submit(() -> loop(running, () -> readNaively(dir, validPairs, naive))));

        int switches = 0;
        try {
            for (int i = 1; i <= SWITCHES; i++) {
                if (store.write(spec, MATERIALS.get(i % MATERIALS.size()), Instant.now(), false).switched()) {
                    switches++;
                }
                if (i % 25 == 0) {
                    store.collectGarbage();
                }
            }
        } finally {
            running.set(false);
            for (Future<?> r : readers) {
                r.get(30, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }

        System.out.printf("mismatch hunter: %d switches; contract (a) %d reads; contract (b) %d reads, %d retries;"
                        + " naive reader %d reads, %d mismatched pairs, %d missing files%n", switches,
                resolveOnce.reads.get(), recheck.reads.get(), recheck.retries.get(), naive.reads.get(),
                naive.mismatches.get(), naive.missing.get());
        assertThat(switches).isEqualTo(SWITCHES);
        assertThat(resolveOnce.reads.get()).isPositive();
        assertThat(recheck.reads.get()).isPositive();
        assertThat(resolveOnce.mismatches.get()).isZero();
        assertThat(resolveOnce.missing.get()).isZero();
        assertThat(recheck.mismatches.get()).isZero();
        assertThat(recheck.missing.get()).isZero();
        assertThat(store.isIntact("hunt")).isTrue();
    }

    private interface Read {
        void run() throws IOException;
    }

    private static void loop(AtomicBoolean running, Read read) {
        while (running.get()) {
            try {
                read.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Contract (a): resolve ..data once, read every file from that version directory. */
    private static void readResolvedOnce(Path dir, Set<String> valid, Tally tally) throws IOException {
        Path version = dir.resolve("..data").toRealPath();
        try {
            byte[] cert = Files.readAllBytes(version.resolve("cert.pem"));
            byte[] key = Files.readAllBytes(version.resolve("key.pem"));
            count(valid, tally, cert, key);
        } catch (NoSuchFileException e) {
            tally.missing.incrementAndGet();
        }
    }

    /** Contract (b): read ..data before and after; if it changed, the pair may straddle a switch: retry. */
    private static void readWithRecheck(Path dir, Set<String> valid, Tally tally) throws IOException {
        while (true) {
            Path before = Files.readSymbolicLink(dir.resolve("..data"));
            byte[] cert;
            byte[] key;
            try {
                cert = Files.readAllBytes(dir.resolve("cert.pem"));
                key = Files.readAllBytes(dir.resolve("key.pem"));
            } catch (NoSuchFileException e) {
                if (before.equals(Files.readSymbolicLink(dir.resolve("..data")))) {
                    tally.missing.incrementAndGet();
                    return;
                }
                tally.retries.incrementAndGet();
                continue;
            }
            if (before.equals(Files.readSymbolicLink(dir.resolve("..data")))) {
                count(valid, tally, cert, key);
                return;
            }
            tally.retries.incrementAndGet();
        }
    }

    /** Neither: opens the visible links one after the other. Measured, not asserted. */
    private static void readNaively(Path dir, Set<String> valid, Tally tally) throws IOException {
        try {
            byte[] cert = Files.readAllBytes(dir.resolve("cert.pem"));
            byte[] key = Files.readAllBytes(dir.resolve("key.pem"));
            count(valid, tally, cert, key);
        } catch (NoSuchFileException e) {
            tally.missing.incrementAndGet();
        }
    }

    private static void count(Set<String> valid, Tally tally, byte[] cert, byte[] key) {
        tally.reads.incrementAndGet();
        if (!valid.contains(Hashes.sha256(cert) + Hashes.sha256(key))) {
            tally.mismatches.incrementAndGet();
        }
    }
}

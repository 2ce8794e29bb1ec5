package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;

import static io.vaultpki.emulator.pki.PkiCalls.certificate;
import static io.vaultpki.emulator.pki.PkiCalls.field;
import static io.vaultpki.emulator.pki.PkiCalls.keys;
import static io.vaultpki.emulator.pki.PkiCalls.list;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

class BulkSeedingTest {

    @Test
    void twentyThousandLeavesSeedFastAndAreAllListedAndSignedOnFirstRead() throws Exception {
        var pki = new PkiBackend(new MutableClock(), Flavor.VAULT, "", "pki/");
        Issuer ca = pki.generateRoot(IssuerSpec.named("ca"));
        long start = System.nanoTime();
        var serials = pki.issueLeaves(20_000, LeafSpec.commonName("host-%d.example.com").validFor(Duration.ofDays(7)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(new HashSet<>(serials)).hasSize(20_000);
        var listed = keys(list(pki, "certs"));
        assertThat(listed).hasSize(20_001);
        assertThat(new HashSet<>(listed).containsAll(serials)).as("every seeded serial is listed").isTrue();

        var leaf = certificate(field(read(pki, "cert/" + serials.get(42)), "certificate"));
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=host-42.example.com");
        leaf.verify(ca.certificate().getPublicKey());
        var other = certificate(field(read(pki, "cert/" + serials.get(7)), "certificate"));
        assertThat(other.getPublicKey()).isEqualTo(leaf.getPublicKey());
    }

    @Test
    void deferredLeavesCanBeSignedUpFrontAndReadTheSame() throws Exception {
        var pki = new PkiBackend(new MutableClock(), Flavor.VAULT, "", "pki/");
        Issuer ca = pki.generateRoot(IssuerSpec.named("ca"));
        var serials = pki.issueLeaves(50, LeafSpec.commonName("pre-%d.example.com").validFor(Duration.ofDays(7)));

        pki.signDeferred();

        var leaf = certificate(field(read(pki, "cert/" + serials.get(3)), "certificate"));
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=pre-3.example.com");
        leaf.verify(ca.certificate().getPublicKey());
    }
}

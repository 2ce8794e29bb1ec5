package io.vaultpki.exporter.material;

import io.vaultpki.client.cert.CertificateParser;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.PkiMount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainSplitTest {

    private VaultEmulator emu;
    private ParsedCertificate root;
    private ParsedCertificate policyCa;
    private ParsedCertificate issuingCa;

    @BeforeAll
    void createHierarchy() {
        emu = VaultEmulator.builder().start();
        PkiMount pki = emu.pki().enable("pki/");
        Issuer r = pki.generateRoot(IssuerSpec.named("root").commonName("Root").key(KeyAlgorithm.EC_P256)
                .validFor(Duration.ofDays(3650)));
        Issuer p = pki.generateIntermediate(IssuerSpec.named("policy").commonName("Policy CA").key(KeyAlgorithm.EC_P256)
                .validFor(Duration.ofDays(1825)), r);
        Issuer i = pki.generateIntermediate(IssuerSpec.named("issuing").commonName("Issuing CA").key(KeyAlgorithm.EC_P256)
                .validFor(Duration.ofDays(365)), p);
        root = CertificateParser.parse("pki/issuer/root", r.pem());
        policyCa = CertificateParser.parse("pki/issuer/policy", p.pem());
        issuingCa = CertificateParser.parse("pki/issuer/issuing", i.pem());
    }

    @AfterAll
    void stop() {
        emu.close();
    }

    @Test
    void fullChainKeepsIntermediatesInVaultsOrderAndTheRootApart() {
        ChainSplit split = ChainSplit.of(List.of(issuingCa, policyCa, root));

        assertThat(split.chain()).containsExactly(issuingCa, policyCa);
        assertThat(split.roots()).containsExactly(root);
    }

    @Test
    void chainWithoutRootTrustsItsTopAndKeepsItInTheChain() {
        ChainSplit split = ChainSplit.of(List.of(issuingCa, policyCa));

        assertThat(split.chain()).containsExactly(issuingCa, policyCa);
        assertThat(split.roots()).containsExactly(policyCa);
    }

    @Test
    void certificatesRepeatedByVaultAppearOnce() {
        ChainSplit split = ChainSplit.of(List.of(issuingCa, policyCa, policyCa, root, root));

        assertThat(split.chain()).containsExactly(issuingCa, policyCa);
        assertThat(split.roots()).containsExactly(root);
    }

    @Test
    void emptyChainHasNoRoots() {
        ChainSplit split = ChainSplit.of(List.of());

        assertThat(split.chain()).isEmpty();
        assertThat(split.roots()).isEmpty();
    }
}

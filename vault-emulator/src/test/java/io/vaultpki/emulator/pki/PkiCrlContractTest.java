package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.time.Duration;

import static io.vaultpki.emulator.pki.PkiCalls.crl;
import static io.vaultpki.emulator.pki.PkiCalls.field;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

class PkiCrlContractTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void crlIsAV2CrlSignedByTheIssuerWithNextUpdateAfterTheConfiguredExpiry_section3_8() throws Exception {
        var pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        Issuer ca = pki.generateRoot(IssuerSpec.named("ca"));
        var response = read(pki, "crl");
        assertThat(response.contentType()).isEqualTo("application/pkix-crl");
        X509CRL crl = crl(response.rawBody());
        crl.verify(ca.certificate().getPublicKey());
        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant())).isEqualTo(Duration.ofHours(72));
        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(crlNumber(crl)).isEqualTo(1);
    }

    @Test
    void revokingRebuildsTheCrlWithTheSerialAndTheNextNumber() {
        var pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        pki.generateRoot(IssuerSpec.named("ca"));
        Leaf leaf = pki.issueLeaf(LeafSpec.commonName("x"));
        assertThat(crlNumber(crl(read(pki, "crl").rawBody()))).isEqualTo(1);
        pki.revoke(leaf.serialNumber());
        X509CRL rebuilt = crl(read(pki, "issuer/default/crl/der").rawBody());
        assertThat(crlNumber(rebuilt)).isEqualTo(2);
        assertThat(rebuilt.getRevokedCertificate(leaf.certificate().getSerialNumber())).isNotNull();
        assertThat(crlNumber(crl(read(pki, "crl").rawBody()))).isEqualTo(2);
    }

    @Test
    void aRootRotatedWithItsKeyAndSubjectSharesOneCrlWithIt() {
        var pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        Issuer old = pki.generateRoot(IssuerSpec.named("old").commonName("Shared Root"));
        Issuer rotated = pki.rotateRoot(old, IssuerSpec.named("new"));
        Leaf leaf = pki.issueLeaf(LeafSpec.commonName("x").issuer(old));
        pki.revoke(leaf.serialNumber());

        assertThat(rotated.keyId()).isEqualTo(old.keyId());
        assertThat(rotated.id()).isNotEqualTo(old.id());
        assertThat(rotated.certificate().getSubjectX500Principal()).isEqualTo(old.certificate().getSubjectX500Principal());
        byte[] oldCrl = read(pki, "issuer/old/crl/der").rawBody();
        byte[] newCrl = read(pki, "issuer/new/crl/der").rawBody();
        assertThat(newCrl).isEqualTo(oldCrl);
        assertThat(crl(newCrl).getRevokedCertificate(leaf.certificate().getSerialNumber())).isNotNull();
    }

    @Test
    void crlExpiryChangesTheNextUpdateOfTheRebuiltCrl() {
        var pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        pki.generateRoot(IssuerSpec.named("ca"));
        pki.crlExpiry(Duration.ofHours(1));
        X509CRL crl = crl(read(pki, "crl").rawBody());
        assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void certCrlPutsThePemInCertificateAndIssuerCrlPutsItInCrl_edgeCase17() {
        var pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        pki.generateRoot(IssuerSpec.named("ca"));
        String legacy = field(read(pki, "cert/crl"), "certificate");
        assertThat(legacy).startsWith("-----BEGIN X509 CRL-----").doesNotEndWith("\n");
        String perIssuer = field(read(pki, "issuer/ca/crl"), "crl");
        assertThat(perIssuer).startsWith("-----BEGIN X509 CRL-----").endsWith("-----END X509 CRL-----\n");
        crl(legacy.getBytes(StandardCharsets.UTF_8));
        crl(perIssuer.getBytes(StandardCharsets.UTF_8));
        var pem = read(pki, "crl/pem");
        assertThat(pem.contentType()).isEqualTo("application/x-pem-file");
        assertThat(PkiCalls.text(pem)).isEqualTo(legacy);
    }

    @Test
    void crlPathsWithoutADefaultIssuerAre204() {
        var pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        assertThat(read(pki, "crl").status()).isEqualTo(204);
        assertThat(read(pki, "crl/pem").status()).isEqualTo(204);
    }

    private static long crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        BigInteger value = ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
        return value.longValueExact();
    }
}

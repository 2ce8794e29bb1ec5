package io.vaultpki.client.cert;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrlParserTest {

    @Test
    void readsIssuerUpdatesNumberRevokedCountAndSizeFromPem() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] der = crl(now, 3);

        ParsedCrl crl = CrlParser.parse("pki/cert/crl", Pem.encode("X509 CRL", der).strip());

        assertThat(crl.issuerDn()).isEqualTo("CN=Root");
        assertThat(crl.thisUpdate()).isEqualTo(now);
        assertThat(crl.nextUpdate()).contains(now.plus(3, ChronoUnit.DAYS));
        assertThat(crl.crlNumber()).contains(BigInteger.valueOf(7));
        assertThat(crl.revokedCount()).isEqualTo(3);
        assertThat(crl.sizeBytes()).isEqualTo(der.length);
    }

    @Test
    void readsDerAndAnEmptyCrl() throws Exception {
        ParsedCrl crl = CrlParser.parse("pki/crl", crl(Instant.now(), 0));

        assertThat(crl.revokedCount()).isZero();
    }

    @Test
    void corruptCrlIsATypedErrorNamingThePath() {
        assertThatThrownBy(() -> CrlParser.parse("pki/issuer/x/crl", "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----"))
                .isInstanceOf(CertificateParseException.class).hasMessageContaining("pki/issuer/x/crl");
        assertThatThrownBy(() -> CrlParser.parse("pki/issuer/x/crl", ""))
                .isInstanceOf(CertificateParseException.class);
    }

    private static byte[] crl(Instant now, int revoked) throws Exception {
        KeyPair key = TestCertificates.rsa(2048);
        var b = new X509v2CRLBuilder(new X500Name("CN=Root"), Date.from(now));
        b.setNextUpdate(Date.from(now.plus(3, ChronoUnit.DAYS)));
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(7)));
        for (int i = 0; i < revoked; i++) {
            b.addCRLEntry(BigInteger.valueOf(100 + i), Date.from(now), CRLReason.keyCompromise);
        }
        return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
    }
}

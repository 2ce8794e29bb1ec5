package io.vaultpki.client.cert;

import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateParserTest {

    @Test
    void parsesEveryBlockOfAMultiBlockPemInOrder() throws Exception {
        KeyPair rootKey = TestCertificates.rsa(2048);
        X509Certificate root = TestCertificates.selfSigned("CN=Root", rootKey, BigInteger.ONE);
        KeyPair leafKey = TestCertificates.ec("secp256r1");
        X509Certificate leaf = TestCertificates.build("CN=leaf", leafKey, "CN=Root", rootKey, BigInteger.TWO, false, null);
        String pem = TestCertificates.pem(leaf) + TestCertificates.pem(root);

        List<ParsedCertificate> certs = CertificateParser.parseAll("pki/cert/ca_chain", pem);

        assertThat(certs).extracting(ParsedCertificate::commonName).containsExactly("leaf", "Root");
    }

    @Test
    void ignoresTrailingWhitespaceAndNonCertificateBlocks() throws Exception {
        KeyPair key = TestCertificates.rsa(2048);
        X509Certificate cert = TestCertificates.selfSigned("CN=ws", key, BigInteger.TEN);
        String pem = "\n  " + Pem.encode("RSA PRIVATE KEY", new byte[]{1, 2, 3}) + TestCertificates.pem(cert).strip() + "\n\n \t\n";

        ParsedCertificate parsed = CertificateParser.parse("pki/issue/web", pem);

        assertThat(parsed.commonName()).isEqualTo("ws");
    }

    @Test
    void normalisesPemToExactlyOneTrailingNewline() throws Exception {
        X509Certificate cert = TestCertificates.selfSigned("CN=n", TestCertificates.rsa(2048), BigInteger.ONE);

        ParsedCertificate parsed = CertificateParser.parse("p", TestCertificates.pem(cert).strip());

        assertThat(parsed.pem()).endsWith("-----END CERTIFICATE-----\n").doesNotEndWith("\n\n");
        assertThat(CertificateParser.parse("p", parsed.pem() + "\n\n").pem()).isEqualTo(parsed.pem());
    }

    @Test
    void parsesDer() throws Exception {
        X509Certificate cert = TestCertificates.selfSigned("CN=der", TestCertificates.rsa(2048), BigInteger.ONE);

        List<ParsedCertificate> parsed = CertificateParser.parseAll("pki/ca", cert.getEncoded());

        assertThat(parsed).singleElement().extracting(ParsedCertificate::commonName).isEqualTo("der");
    }

    @Test
    void reportsKeyTypeAndSizeForRsaEcAndEd25519() throws Exception {
        ParsedCertificate rsa = parseSelfSigned(TestCertificates.rsa(3072));
        ParsedCertificate p256 = parseSelfSigned(TestCertificates.ec("secp256r1"));
        ParsedCertificate p384 = parseSelfSigned(TestCertificates.ec("secp384r1"));
        ParsedCertificate ed = parseSelfSigned(TestCertificates.ed25519());

        assertThat(List.of(rsa.keyType(), p256.keyType(), p384.keyType(), ed.keyType()))
                .containsExactly(KeyType.RSA, KeyType.EC, KeyType.EC, KeyType.ED25519);
        assertThat(List.of(rsa.keyBits(), p256.keyBits(), p384.keyBits(), ed.keyBits()))
                .containsExactly(3072, 256, 384, 256);
    }

    @Test
    void formatsSerialWithoutTheJavaSignByte() throws Exception {
        BigInteger highBit = new BigInteger("ff0102", 16);
        X509Certificate cert = TestCertificates.selfSigned("CN=s", TestCertificates.rsa(2048), highBit);

        assertThat(highBit.toByteArray()).hasSize(4);
        assertThat(CertificateParser.parse("p", TestCertificates.pem(cert)).serialNumber()).isEqualTo("ff:01:02");
    }

    @Test
    void extractsSubjectFieldsSansCaFlagAndSelfSigned() throws Exception {
        KeyPair caKey = TestCertificates.rsa(2048);
        X509Certificate ca = TestCertificates.selfSigned("O=Example,OU=Platform,CN=Issuing CA", caKey, BigInteger.ONE);
        X509Certificate leaf = TestCertificates.build("CN=web.example.com,OU=Team A,OU=Team B", TestCertificates.rsa(2048),
                "O=Example,OU=Platform,CN=Issuing CA", caKey, BigInteger.TWO, false, TestCertificates.sans(
                        new GeneralName(GeneralName.dNSName, "web.example.com"),
                        new GeneralName(GeneralName.iPAddress, "10.0.0.1"),
                        new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example/web"),
                        new GeneralName(GeneralName.rfc822Name, "ops@example.com")));

        ParsedCertificate c = CertificateParser.parse("p", TestCertificates.pem(leaf));
        ParsedCertificate root = CertificateParser.parse("p", TestCertificates.pem(ca));

        assertThat(c.commonName()).isEqualTo("web.example.com");
        assertThat(c.organizationalUnits()).containsExactly("Team A", "Team B");
        assertThat(c.issuerDn()).isEqualTo("CN=Issuing CA,OU=Platform,O=Example");
        assertThat(c.dnsNames()).containsExactly("web.example.com");
        assertThat(c.ipAddresses()).containsExactly("10.0.0.1");
        assertThat(c.uris()).containsExactly("spiffe://example/web");
        assertThat(c.emails()).containsExactly("ops@example.com");
        assertThat(c.ca()).isFalse();
        assertThat(c.selfSigned()).isFalse();
        assertThat(root.ca()).isTrue();
        assertThat(root.selfSigned()).isTrue();
        assertThat(c.notAfter()).isAfter(c.notBefore());
    }

    @Test
    void corruptPemIsATypedErrorNamingThePath() {
        String corrupt = "-----BEGIN CERTIFICATE-----\nAAAAnotacertificate\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> CertificateParser.parse("pki/cert/3c:01", corrupt))
                .isInstanceOf(CertificateParseException.class)
                .hasMessageContaining("pki/cert/3c:01");
    }

    @Test
    void garbageDerAndEmptyInputAreTypedErrors() {
        assertThatThrownBy(() -> CertificateParser.parseAll("pki/ca", new byte[]{0x30, 0x03, 0x01}))
                .isInstanceOf(CertificateParseException.class);
        assertThatThrownBy(() -> CertificateParser.parse("pki/ca", "  \n"))
                .isInstanceOf(CertificateParseException.class).hasMessageContaining("pki/ca");
    }

    private static ParsedCertificate parseSelfSigned(KeyPair key) throws Exception {
        return CertificateParser.parse("p", TestCertificates.pem(TestCertificates.selfSigned("CN=k", key, BigInteger.ONE)));
    }
}

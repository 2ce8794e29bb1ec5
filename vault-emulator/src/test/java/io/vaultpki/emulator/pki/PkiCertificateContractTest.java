package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.cert.CertificateFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static io.vaultpki.emulator.pki.PkiCalls.certificate;
import static io.vaultpki.emulator.pki.PkiCalls.field;
import static io.vaultpki.emulator.pki.PkiCalls.keys;
import static io.vaultpki.emulator.pki.PkiCalls.list;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiCertificateContractTest {

    private final MutableClock clock = new MutableClock();
    private PkiBackend pki;
    private Issuer root;
    private Leaf valid;
    private Leaf revoked;

    @BeforeAll
    void seed() {
        pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        root = pki.generateRoot(IssuerSpec.named("root"));
        valid = pki.issueLeaf(LeafSpec.commonName("valid.example.com").dnsNames("valid.example.com").ou("Payments"));
        revoked = pki.issueLeaf(LeafSpec.commonName("revoked.example.com"));
        pki.revoke(revoked.serialNumber());
    }

    @Test
    void listCertsReturnsLowerCaseColonSerialsIncludingTheGeneratedRoot_section3_5() {
        var serials = keys(list(pki, "certs"));
        assertThat(serials).contains(valid.serialNumber(), revoked.serialNumber(), root.serialNumber());
        assertThat(serials).allMatch(s -> s.equals(s.toLowerCase(Locale.ROOT)) && s.matches("[0-9a-f]{2}(:[0-9a-f]{2})*"));
    }

    @Test
    void listCertsOnAnEmptyMountIsAnEmpty404() {
        var response = list(new PkiBackend(clock, Flavor.VAULT, "", "empty/"), "certs");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errors()).isEmpty();
    }

    @Test
    void certBySerialAcceptsColonHyphenAndMixedCase_edgeCase14() {
        String colon = valid.serialNumber();
        for (String form : new String[] {colon, colon.toUpperCase(Locale.ROOT), colon.replace(':', '-'),
                mixedCase(colon.replace(':', '-'))}) {
            var response = read(pki, "cert/" + form);
            assertThat(response.status()).as(form).isEqualTo(200);
            assertThat(certificate(field(response, "certificate"))).isEqualTo(valid.certificate());
        }
    }

    @Test
    void unknownSerialIs404OnJsonAnd204OnRaw_edgeCase15() {
        var json = read(pki, "cert/01:02:03");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.errors()).isEmpty();
        assertThat(read(pki, "cert/01:02:03/raw").status()).isEqualTo(204);
        assertThat(read(pki, "cert/01:02:03/raw/pem").status()).isEqualTo(204);
    }

    @Test
    void revokedCertCarriesRevocationTimesAndIssuerIdWhileAValidOneDoesNot_edgeCase16() {
        var revokedData = read(pki, "cert/" + revoked.serialNumber()).data();
        assertThat(revokedData.get("revocation_time").asLong()).isPositive();
        assertThat(revokedData.get("revocation_time_rfc3339").asText()).isNotEmpty().endsWith("Z");
        assertThat(revokedData.get("issuer_id").asText()).isEqualTo(root.id());
        var validData = read(pki, "cert/" + valid.serialNumber()).data();
        assertThat(validData.get("revocation_time").asLong()).isZero();
        assertThat(validData.get("revocation_time_rfc3339").asText()).isEmpty();
        assertThat(validData.has("issuer_id")).isFalse();
        assertThat(keys(list(pki, "certs/revoked"))).containsExactly(revoked.serialNumber());
    }

    @Test
    void rawVariantsServeDerAndTrimmedPemWithVaultsContentTypes_section3_17() {
        var der = read(pki, "cert/" + valid.serialNumber() + "/raw");
        assertThat(der.contentType()).isEqualTo("application/pkix-cert");
        assertThat(certificate(der.rawBody())).isEqualTo(valid.certificate());
        var pem = read(pki, "cert/" + valid.serialNumber() + "/raw/pem");
        assertThat(pem.contentType()).isEqualTo("application/pem-certificate-chain");
        assertThat(PkiCalls.text(pem)).isEqualTo(valid.pem().strip());
    }

    @Test
    void seededLeafHasTheRequestedSubjectAndVerifiesAgainstTheIssuer() throws Exception {
        assertThat(valid.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=valid.example.com,OU=Payments");
        valid.certificate().verify(root.certificate().getPublicKey());
    }

    @Test
    void corruptedCertificateIsServedAsAPemThatDoesNotParse() {
        var mount = new PkiBackend(clock, Flavor.VAULT, "", "corrupt/");
        Issuer ca = mount.generateRoot(IssuerSpec.named("ca"));
        Leaf leaf = mount.issueLeaf(LeafSpec.commonName("broken"));
        mount.corruptCertificate(leaf.serialNumber());
        mount.corruptCertificate(ca.id());
        for (String pem : new String[] {field(read(mount, "cert/" + leaf.serialNumber()), "certificate"),
                field(read(mount, "issuer/default"), "certificate"), PkiCalls.text(read(mount, "issuer/default/pem"))}) {
            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
            assertThatThrownBy(() -> CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))).isInstanceOf(Exception.class);
        }
    }

    private static String mixedCase(String text) {
        var sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}

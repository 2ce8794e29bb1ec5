package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static io.vaultpki.emulator.pki.PkiCalls.keys;
import static io.vaultpki.emulator.pki.PkiCalls.list;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md section 3.15 / edge case 25. */
class SerialFormatTest {

    @Test
    void serialWithTheTopBitSetHasNoLeadingZeroByte_edgeCase25() {
        var serial = new BigInteger("ff0a", 16);
        assertThat(serial.toByteArray()).hasSize(3);
        assertThat(Serials.format(serial)).isEqualTo("ff:0a");
    }

    @Test
    void smallSerialsKeepTheirOwnLeadingZeroNibble() {
        assertThat(Serials.format(BigInteger.valueOf(0x0102))).isEqualTo("01:02");
        assertThat(Serials.format(BigInteger.ONE)).isEqualTo("01");
    }

    @Test
    void hyphenAndUpperCaseFormsNormaliseToTheListedForm() {
        assertThat(Serials.normalize("AB-CD-0e")).isEqualTo("ab:cd:0e");
    }

    @Test
    void aSeededCertificateWithTheTopBitSetIsListedAndReadableWithoutTheSignByte() {
        var pki = new PkiBackend(new MutableClock(), Flavor.VAULT, "", "pki/");
        pki.generateRoot(IssuerSpec.named("ca"));
        var serial = new BigInteger("8f1e2d3c4b5a69788796a5b4c3d2e1f001020304", 16);
        Leaf leaf = pki.issueLeaf(LeafSpec.commonName("top-bit").serial(serial));
        assertThat(leaf.serialNumber()).isEqualTo("8f:1e:2d:3c:4b:5a:69:78:87:96:a5:b4:c3:d2:e1:f0:01:02:03:04");
        assertThat(keys(list(pki, "certs"))).contains(leaf.serialNumber());
        assertThat(read(pki, "cert/8F-1E-2D-3C-4B-5A-69-78-87-96-A5-B4-C3-D2-E1-F0-01-02-03-04").status()).isEqualTo(200);
    }
}

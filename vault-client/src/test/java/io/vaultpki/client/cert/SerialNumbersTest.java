package io.vaultpki.client.cert;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialNumbersTest {

    @Test
    void formatsLowerCaseColonHexWithoutLeadingZeroByte() {
        assertThat(SerialNumbers.format(new BigInteger("80", 16))).isEqualTo("80");
        assertThat(SerialNumbers.format(new BigInteger("0a0b", 16))).isEqualTo("0a:0b");
        assertThat(SerialNumbers.format(new BigInteger("ABCDEF", 16))).isEqualTo("ab:cd:ef");
    }

    @Test
    void normalizesHyphensUpperCaseAndWhitespace() {
        assertThat(SerialNumbers.normalize(" AB-CD-0E ")).isEqualTo("ab:cd:0e");
        assertThat(SerialNumbers.normalize("ab:cd")).isEqualTo("ab:cd");
        assertThat(SerialNumbers.normalize("a:b")).isEqualTo("0a:0b");
    }

    @Test
    void rejectsSomethingThatIsNotASerial() {
        assertThatThrownBy(() -> SerialNumbers.normalize("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsBackToTheNumber() {
        assertThat(SerialNumbers.toBigInteger("ff:01")).isEqualTo(new BigInteger("ff01", 16));
    }

    @Test
    void aSerialAlreadyInVaultsFormIsReturnedWithoutACopy() {
        String listed = new String("17:67:16:b0:b9:45:5d:b4");

        assertThat(SerialNumbers.normalize(listed)).isSameAs(listed);
    }

    @Test
    void anythingAlmostInVaultsFormStillGoesThroughTheFullCheck() {
        for (String bad : new String[] {"ab:cd:", ":ab:cd", "ab::cd", "ab:cg", "ab:c d", "ab/cd", "ab;cd"}) {
            assertThatThrownBy(() -> SerialNumbers.normalize(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SerialNumbers.normalize("AB:CD")).isEqualTo("ab:cd");
        assertThat(SerialNumbers.normalize("ab:c:d")).isEqualTo("ab:0c:0d");
    }
}

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
}

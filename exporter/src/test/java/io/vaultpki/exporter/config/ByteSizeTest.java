package io.vaultpki.exporter.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeTest {

    @Test
    void sizeSettingsParseAsPowersOf1024() {
        assertThat(ByteSize.parse("64KiB")).contains(65536L);
        assertThat(ByteSize.parse("50MB")).contains(50L * 1024 * 1024);
        assertThat(ByteSize.parse("1048576")).contains(1048576L);
        assertThat(ByteSize.parse("lots")).isEmpty();
    }

    @Test
    void aBadOrNonPositiveSizeNamesTheSetting() {
        assertThatThrownBy(() -> ByteSize.require("exporter.api.max-body-size", "lots"))
                .hasMessage("exporter.api.max-body-size: 'lots' is not a size such as 64KiB, 50MB or 1048576");
        assertThatThrownBy(() -> ByteSize.require("exporter.api.max-body-size", "0")).hasMessageContaining("must be positive");
        assertThat(ByteSize.parse("-1")).isEmpty();
        assertThat(ByteSize.parse("9999999999999KiB")).isEmpty();
        assertThat(ByteSize.parse("999999999999GiB")).as("overflows a long").isEmpty();
    }
}

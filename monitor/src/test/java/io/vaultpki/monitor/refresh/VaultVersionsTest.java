package io.vaultpki.monitor.refresh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VaultVersionsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "1.12.0, true", "1.17.3, true", "1.15.2+ent, true", "v1.13.1, true", "2.3.1, true", "1.11.9, false",
            "0.99.0, false", "'', false", "null, false", "unknown, false", "99999999999.1, false"})
    void conditionalCrlReadsNeedVault112OrLater(String version, boolean atLeast) {
        assertThat(VaultVersions.atLeast(version, 1, 12)).isEqualTo(atLeast);
    }
}

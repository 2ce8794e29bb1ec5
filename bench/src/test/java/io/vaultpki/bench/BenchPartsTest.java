package io.vaultpki.bench;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --only}: a targeted run names its parts, and its table says it is not a full run. */
class BenchPartsTest {

    @Test
    void onlyTakesACommaSeparatedListOfPartsInAnyCase() {
        assertThat(Bench.Part.parse("scrape, FOOTPRINT")).containsExactly(Bench.Part.SCRAPE, Bench.Part.FOOTPRINT);
    }

    @Test
    void anUnknownPartIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Bench.Part.parse("scrape,memory"))
                .hasMessage("--only: unknown part 'memory'; the parts are [refresh, scrape, exporter, footprint, once]");
    }

    @Test
    void theHeaderOfATargetedRunNamesItsParts() {
        assertThat(Bench.header(false, EnumSet.of(Bench.Part.SCRAPE))).startsWith("vault-pki bench --only scrape — ");
        assertThat(Bench.header(false)).startsWith("vault-pki bench — ");
    }
}

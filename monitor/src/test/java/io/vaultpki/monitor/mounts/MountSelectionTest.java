package io.vaultpki.monitor.mounts;

import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.monitor.MonitorSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MountSelectionTest {

    private static MountsConfiguration mounts(List<String> include, List<String> exclude) {
        return new MountsConfiguration(null, include, exclude, List.of());
    }

    @Test
    void withoutPatternsEveryMountIsSelected() {
        MountSelection selection = new MountSelection(mounts(List.of(), List.of()));
        assertThat(selection.selects("pki/")).isTrue();
        assertThat(selection.selects("team/a/pki/")).isTrue();
    }

    @Test
    void aGlobStarStaysWithinOneSegmentAndADoubleStarCrossesSegments() {
        MountSelection single = new MountSelection(mounts(List.of("team/*/pki"), List.of()));
        assertThat(single.selects("team/a/pki/")).isTrue();
        assertThat(single.selects("team/a/b/pki/")).isFalse();
        assertThat(single.selects("pki/")).isFalse();
        MountSelection deep = new MountSelection(mounts(List.of("team/**"), List.of()));
        assertThat(deep.selects("team/a/b/pki/")).isTrue();
    }

    @Test
    void excludeWinsOverInclude() {
        MountSelection selection = new MountSelection(mounts(List.of("pki*"), List.of("pki_test/")));
        assertThat(selection.selects("pki/")).isTrue();
        assertThat(selection.selects("pki_int/")).isTrue();
        assertThat(selection.selects("pki_test/")).isFalse();
    }

    @Test
    void aRegexPatternMatchesTheWholePathWithItsTrailingSlash() {
        MountSelection selection = new MountSelection(mounts(List.of("re:pki_(int|root)/"), List.of()));
        assertThat(selection.selects("pki_int/")).isTrue();
        assertThat(selection.selects("pki_root/")).isTrue();
        assertThat(selection.selects("pki_other/")).isFalse();
    }

    @Test
    void pkiMountPathLimitsTheSelectionToThatMountWithOrWithoutItsSlash() {
        for (String value : List.of("pki_int", "pki_int/", "/pki_int/", " pki_int ")) {
            MountSelection selection = new MountSelection(new MountsConfiguration(value, List.of(), List.of(), List.of()));
            assertThat(selection.selects("pki_int/")).as(value).isTrue();
            assertThat(selection.selects("pki/")).as(value).isFalse();
        }
    }

    @Test
    void anInvalidPatternStopsStartUpWithOneLineNamingTheSetting() {
        assertThat(MonitorSettings.startupLine(Map.of("monitor.mounts.include", "re:(unclosed")))
                .startsWith("monitor.mounts.include has an invalid pattern 're:(unclosed': ");
    }

    @Test
    void anInvalidRegexNamesTheSetting() {
        assertThatThrownBy(() -> new MountSelection(mounts(List.of(), List.of("re:pki("))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("monitor.mounts.exclude");
    }
}

package io.vaultpki.support.config;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnconvertibleSettingsTest {

    /** What Micronaut would have bound from the properties below when a value does not convert: the defaults. */
    record Sample(int concurrency, Duration refreshInterval, Boolean enabled, Path path, String secret, List<String> names) {
    }

    private static final Sample DEFAULTS = new Sample(4, Duration.ofMinutes(5), false, Path.of("/x"), null, List.of());

    /** The settings as a context would resolve them. */
    private record Check(Map<String, Object> properties) {
        void check(Record settings, String boundTo) {
            UnconvertibleSettings.check(new PropertySourcePropertyResolver(PropertySource.of("test", properties)),
                    settings, boundTo);
        }
    }

    @Test
    void aNumberThatIsNotANumberNamesTheSettingTheValueAndTheTypeInMicronautsWords() {
        assertThatThrownBy(() -> new Check(Map.of("sample.concurrency", "four")).check(DEFAULTS, "sample"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Error resolving property value [sample.concurrency]. Unable to convert value [four] to"
                        + " target type [int]");
    }

    @Test
    void anOverflowingNumberAndABadDurationAreRefusedToo() {
        assertThatThrownBy(() -> new Check(Map.of("sample.concurrency", "99999999999")).check(DEFAULTS, "sample"))
                .hasMessageContaining("[sample.concurrency]");
        assertThatThrownBy(() -> new Check(Map.of("sample.refresh-interval", "soon")).check(DEFAULTS, "sample"))
                .hasMessageContaining("[sample.refresh-interval]").hasMessageContaining("[Duration]");
    }

    @Test
    void aLongValueIsShortenedSoItCannotFloodTheLine() {
        assertThatThrownBy(() -> new Check(Map.of("sample.refresh-interval", "x".repeat(500))).check(DEFAULTS, "sample"))
                .hasMessageContaining("[" + "x".repeat(40) + "…]");
    }

    @Test
    void valuesThatConvertUnsetSettingsAndStringsPassAndASecretIsNeverEchoed() {
        assertThatCode(() -> new Check(Map.of("sample.concurrency", "8", "sample.refresh-interval", "90s",
                "sample.enabled", "true", "sample.path", "relative", "sample.secret", "hunter2", "sample.names", "a,b"))
                .check(DEFAULTS, "sample")).doesNotThrowAnyException();
        assertThatCode(() -> new Check(Map.of()).check(DEFAULTS, "sample")).doesNotThrowAnyException();
        assertThatCode(() -> new Check(Map.of("sample.path", "", "sample.concurrency", " ")).check(DEFAULTS, "sample"))
                .as("empty is unset").doesNotThrowAnyException();
    }
}

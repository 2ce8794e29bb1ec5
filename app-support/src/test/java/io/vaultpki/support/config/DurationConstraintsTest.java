package io.vaultpki.support.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.support.startup.StartupFailures;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A settings record as the apps write theirs, bound by a real context: {@link PositiveDuration},
 * {@link NonNegativeDuration} and {@link UnconvertibleSettings} stop the context with a line naming the setting.
 */
class DurationConstraintsTest {

    @Requires(property = "spec.name", value = "DurationConstraintsTest")
    @ConfigurationProperties("sample")
    record SampleSettings(
            @Bindable(defaultValue = "1m") @PositiveDuration(message = "sample.interval must be positive, was {validatedValue}")
            Duration interval,
            @Bindable(defaultValue = "0s")
            @NonNegativeDuration(message = "sample.delay must not be negative, was {validatedValue}") Duration delay,
            @Bindable(defaultValue = "2") @Min(value = 1, message = "sample.count must be at least 1, was {validatedValue}")
            int count) {
    }

    private static SampleSettings bind(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("spec.name", "DurationConstraintsTest");
        // vault-client is on this classpath: a valid client configuration that is never contacted
        all.putAll(Map.of("vault.address", "http://127.0.0.1:1", "vault.token", "hvs.never-sent", "vault.auth.method",
                "token"));
        try (ApplicationContext context = ApplicationContext.run(all)) {
            return context.getBean(SampleSettings.class);
        }
    }

    private static String startupLine(Map<String, Object> settings) {
        Throwable failure = catchThrowable(() -> bind(settings));
        assertThat(failure).as("binding %s", settings).isNotNull();
        return new StartupFailures(List.of(), Map.of()).explain(failure).message();
    }

    @Test
    void theDefaultsComeFromBindable() {
        assertThat(bind(Map.of())).isEqualTo(new SampleSettings(Duration.ofMinutes(1), Duration.ZERO, 2));
    }

    @Test
    void aZeroOrNegativeDurationIsRefusedWhereItMustBePositive() {
        assertThat(startupLine(Map.of("sample.interval", "0s"))).isEqualTo("sample.interval must be positive, was PT0S");
        assertThat(startupLine(Map.of("sample.interval", "-1s"))).isEqualTo("sample.interval must be positive, was PT-1S");
        assertThat(bind(Map.of("sample.interval", "1ms")).interval()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void zeroIsAllowedWhereOnlyNegativeIsRefused() {
        assertThat(bind(Map.of("sample.delay", "0s")).delay()).isZero();
        assertThat(startupLine(Map.of("sample.delay", "-5s"))).isEqualTo("sample.delay must not be negative, was PT-5S");
    }

    @Test
    void aValueThatDoesNotConvertStopsStartUpInsteadOfFallingBackToTheDefault() {
        assertThat(startupLine(Map.of("sample.count", "many"))).isEqualTo("sample.count: not a valid int: 'many'");
        assertThat(startupLine(Map.of("sample.count", "4294967296")))
                .isEqualTo("sample.count: not a valid int: '4294967296'");
        assertThat(startupLine(Map.of("sample.interval", "soon"))).isEqualTo("sample.interval: not a valid Duration: 'soon'");
    }
}

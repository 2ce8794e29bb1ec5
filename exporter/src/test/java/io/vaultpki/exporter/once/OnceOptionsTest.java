package io.vaultpki.exporter.once;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-shot command line: what it accepts, and that anything else is a usage error that never runs all exports. */
class OnceOptionsTest {

    @Test
    void onceAloneRunsEveryExportWithTheDefaultLockWait() throws OnceUsageException {
        OnceOptions o = OnceOptions.parse(new String[] {"--once"});
        assertThat(o.exports()).isEmpty();
        assertThat(o.dryRun()).isFalse();
        assertThat(o.lockWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.passThrough()).isEmpty();
    }

    @Test
    void exportIsRepeatableInBothSpellingsAndKeepsTheOrderWithoutDuplicates() throws OnceUsageException {
        OnceOptions o = OnceOptions.parse(new String[] {"--once", "--export", "web", "--export=root-ca", "--export",
                "web", "--dry-run", "--lock-wait", "2m", "--exporter.path=/certs"});
        assertThat(o.exports()).containsExactly("web", "root-ca");
        assertThat(o.dryRun()).isTrue();
        assertThat(o.lockWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.passThrough()).containsExactly("--exporter.path=/certs");
    }

    @Test
    void lockWaitTakesMillisecondsSecondsMinutesHoursOrBareSeconds() throws OnceUsageException {
        assertThat(OnceOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(OnceOptions.duration("0")).isZero();
        assertThat(OnceOptions.duration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(OnceOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "1d", "PT1M", "", "25h", "9999999999", "1 s", "1s; rm -rf /"})
    void aBadLockWaitIsAUsageError(String value) {
        assertThatThrownBy(() -> OnceOptions.parse(new String[] {"--once", "--lock-wait", value}))
                .isInstanceOf(OnceUsageException.class).hasMessageStartingWith("--lock-wait");
    }

    @Test
    void unknownFlagsMissingValuesAndValuesOnSwitchesAreUsageErrors() {
        for (List<String> args : List.of(List.of("--once", "--bogus"), List.of("--once", "web"),
                List.of("--once", "--export"), List.of("--once", "--export", "--dry-run"), List.of("--once", "--export="),
                List.of("--once=yes"), List.of("--once", "--dry-run=false"), List.of("--once", "--demo"))) {
            assertThatThrownBy(() -> OnceOptions.parse(args.toArray(String[]::new))).as("%s", args)
                    .isInstanceOf(OnceUsageException.class);
        }
    }

    @Test
    void oneShotFlagsWithoutOnceAreAMisuseTheServiceReports() {
        assertThat(OnceOptions.misuse(new String[] {"--export", "web"})).hasValueSatisfying(m ->
                assertThat(m).startsWith("--export is only valid with --once"));
        assertThat(OnceOptions.misuse(new String[] {"--dry-run"})).isPresent();
        assertThat(OnceOptions.misuse(new String[] {"--lock-wait=5s"})).isPresent();
        assertThat(OnceOptions.misuse(new String[] {"--demo"})).isEmpty();
        assertThat(OnceOptions.misuse(new String[] {"--once", "--export", "web"})).isEmpty();
    }

    @Test
    void anEchoedArgumentIsOneBoundedLine() {
        assertThatThrownBy(() -> OnceOptions.parse(new String[] {"--once", "x\n\u001b[31mforged line" + "y".repeat(500)}))
                .isInstanceOf(OnceUsageException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b").hasSizeLessThan(200));
    }
}

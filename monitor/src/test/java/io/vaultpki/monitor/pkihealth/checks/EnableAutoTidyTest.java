package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.AutoTidyConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.TidyStatus;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static io.vaultpki.monitor.pkihealth.checks.TidyFixtures.*;

class EnableAutoTidyTest {
    private final EnableAutoTidy check = new EnableAutoTidy();

    @Test
    void autoTidyOffIsInformational() {
        assertThat(run(check, mount().autoTidy(autoTidy(false, Duration.ofHours(12), Duration.ZERO)).build()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.INFORMATIONAL);
                    assertThat(r.endpoint()).isEqualTo("pki/config/auto-tidy");
                });
    }

    @Test
    void intervalOfSevenDaysIsCritical() {
        assertThat(run(check, mount().autoTidy(autoTidy(true, Duration.ofDays(7), Duration.ZERO)).build()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.CRITICAL);
                    assertThat(r.message()).startsWith("Auto-tidy is configured with too long of a value for"
                            + " interval_duration (168h0m0s)");
                });
    }

    @Test
    void intervalOfTwoDaysIsWarning() {
        assertThat(statuses(run(check, mount().autoTidy(autoTidy(true, Duration.ofDays(2), Duration.ZERO))
                .build()))).containsExactly(CheckStatus.WARNING);
    }

    @Test
    void pauseOfOneSecondIsCriticalAndOf200MillisecondsWarning() {
        assertThat(statuses(run(check, mount().autoTidy(autoTidy(true, Duration.ofHours(12),
                Duration.ofSeconds(1))).build()))).containsExactly(CheckStatus.CRITICAL);
        assertThat(run(check, mount().autoTidy(autoTidy(true, Duration.ofHours(12), Duration.ofMillis(200)))
                .build())).singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
                    assertThat(r.message()).contains("pause_duration (200ms)");
                });
    }

    @Test
    void shortIntervalAndPauseIsOk() {
        assertThat(statuses(run(check, mount().autoTidy(autoTidy(true, Duration.ofHours(12), Duration.ZERO))
                .build()))).containsExactly(CheckStatus.OK);
    }

    @Test
    void unreadableConfigIsInsufficientPermissionsAndUnsupportedIsInvalidVersion() {
        assertThat(statuses(run(check, mount().autoTidy(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
        assertThat(statuses(run(check, mount().autoTidy(Fetched.unsupported()).build())))
                .containsExactly(CheckStatus.INVALID_VERSION);
    }
}

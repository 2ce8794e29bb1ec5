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

class TidyLastRunTest {
    private final TidyLastRun check = new TidyLastRun();

    @Test
    void tidyThatNeverFinishedIsCritical() {
        assertThat(run(check, mount().tidyStatus(Fetched.of(TidyStatus.neverRun())).build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.CRITICAL);
                    assertThat(r.message()).startsWith("Tidy hasn't run since this mount was created");
                });
    }

    @Test
    void tidyMoreThanSevenDaysAgoIsCritical() {
        assertThat(run(check, mount().tidyStatus(finishedAgo(Duration.ofDays(8))).build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.CRITICAL);
                    assertThat(r.message()).startsWith("Tidy hasn't run in the last 168h0m0s;");
                });
    }

    @Test
    void tidyMoreThanTwoDaysAgoIsWarning() {
        assertThat(statuses(run(check, mount().tidyStatus(finishedAgo(Duration.ofDays(3))).build())))
                .containsExactly(CheckStatus.WARNING);
    }

    @Test
    void recentTidyIsOk() {
        assertThat(statuses(run(check, mount().tidyStatus(finishedAgo(Duration.ofHours(5))).build())))
                .containsExactly(CheckStatus.OK);
    }

    @Test
    void unreadableStatusIsInsufficientPermissionsAndUnsupportedIsInvalidVersion() {
        assertThat(statuses(run(check, mount().tidyStatus(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
        assertThat(run(check, mount().tidyStatus(Fetched.unsupported()).build())).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("Vault 1.10+"));
    }
}

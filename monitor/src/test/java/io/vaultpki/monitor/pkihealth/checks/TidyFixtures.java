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

/** enable_auto_tidy, tidy_last_run and too_many_certs. */
final class TidyFixtures {

    static Fetched<AutoTidyConfig> autoTidy(boolean enabled, Duration interval, Duration pause) {
        return Fetched.of(new AutoTidyConfig(enabled, interval, pause));
    }

    static Fetched<TidyStatus> finishedAgo(Duration ago) {
        return Fetched.of(new TidyStatus("Finished", Optional.empty(), Optional.of(NOW.minus(ago).minusSeconds(60)),
                Optional.of(NOW.minus(ago)), 3, 1, OptionalLong.of(10), OptionalLong.of(2)));
    }

    private TidyFixtures() {
    }
}

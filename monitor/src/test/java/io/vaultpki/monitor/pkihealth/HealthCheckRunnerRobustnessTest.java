package io.vaultpki.monitor.pkihealth;

import io.vaultpki.monitor.pkihealth.checks.HealthCheck;
import io.vaultpki.monitor.pkihealth.checks.TooManyCerts;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vaultpki.monitor.pkihealth.Inputs.NOW;
import static io.vaultpki.monitor.pkihealth.Inputs.mount;
import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckRunnerRobustnessTest {

    /** A check that fails on its input, as a bug would: named like a real one so that it has settings. */
    private static final HealthCheck BROKEN = new HealthCheck() {
        @Override
        public String name() {
            return "tidy_last_run";
        }

        @Override
        public List<CheckResult> evaluate(MountInputs inputs, CheckSettings settings, Instant now) {
            throw new IllegalStateException("secret detail that must not reach the message");
        }
    };

    @Test
    void aCheckThatThrowsIsNotApplicableAndTheOthersStillRun() {
        var runner = new HealthCheckRunner(HealthCheckConfig.defaults(), List.of(BROKEN, new TooManyCerts()));
        List<CheckResult> results = runner.run(mount().storedCertificates(Fetched.of(60_000L)).build(), NOW);
        assertThat(results).extracting(CheckResult::check).containsExactly("tidy_last_run", "too_many_certs");
        assertThat(results.get(0).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(results.get(0).message()).contains("IllegalStateException").doesNotContain("secret detail");
        assertThat(results.get(1).status()).isEqualTo(CheckStatus.WARNING);
    }
}

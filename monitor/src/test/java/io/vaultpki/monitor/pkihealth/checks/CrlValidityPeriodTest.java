package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.CrlConfig;
import io.vaultpki.monitor.pkihealth.input.CrlInput;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;

class CrlValidityPeriodTest {

    private final CrlValidityPeriod check = new CrlValidityPeriod();

    /** A CRL of a 10-day window of which {@code elapsedPercent} has passed at NOW. */
    private static CrlInput crl(int elapsedPercent) {
        Duration window = Duration.ofDays(10);
        var thisUpdate = NOW.minus(window.multipliedBy(elapsedPercent).dividedBy(100));
        return new CrlInput(thisUpdate, Optional.of(thisUpdate.plus(window)));
    }

    private static MountInputs.Builder withCrl(CrlInput crl) {
        return mount().issuers(issuers(root("r", 3000))).crls(Map.of("r", Fetched.of(crl)))
                .crlConfig(Fetched.of(new CrlConfig(false, false)));
    }

    @Test
    void crlWithLessThan95PercentElapsedIsOk() {
        assertThat(run(check, withCrl(crl(50)).build())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.OK);
            assertThat(r.endpoint()).isEqualTo("pki/issuer/r/crl");
            assertThat(r.message()).startsWith("CRL's validity (");
        });
    }

    @Test
    void crlWith95PercentElapsedIsCritical() {
        assertThat(run(check, withCrl(crl(96)).build())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.CRITICAL);
            assertThat(r.message()).contains("expires within 95% of validity window");
        });
    }

    @Test
    void staleCrlIsOnlyInformationalWhenVaultsDisableFieldIsTrue() {
        // the CLI reads "disabled", which Vault never sends, so it stays critical there
        List<CheckResult> results = run(check, withCrl(crl(96)).crlConfig(Fetched.of(new CrlConfig(true, false)))
                .build());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INFORMATIONAL);
            assertThat(r.message()).endsWith("Because the CRL is disabled, this is less of a concern.");
        });
    }

    @Test
    void deltaCrlIsJudgedWithItsOwnPercentage() {
        MountInputs in = withCrl(crl(50)).deltaCrls(Map.of("r", Fetched.of(crl(85)))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.OK, CheckStatus.OK);
        var settings = with(check, "delta_crl_expiry_pct_critical", 80L);
        List<CheckResult> results = run(check, in, settings);
        assertThat(statuses(results)).containsExactly(CheckStatus.OK, CheckStatus.CRITICAL);
        assertThat(results.get(1).endpoint()).isEqualTo("pki/issuer/r/crl/delta");
        assertThat(results.get(1).message()).contains("expires within 80%");
    }

    @Test
    void crlWithoutNextUpdateIsOk() {
        assertThat(statuses(run(check, withCrl(new CrlInput(NOW.minus(Duration.ofDays(400)), Optional.empty()))
                .build()))).containsExactly(CheckStatus.OK);
    }

    @Test
    void unreadableCrlConfigAddsInsufficientPermissionsButStillJudgesTheCrls() {
        assertThat(statuses(run(check, withCrl(crl(96)).crlConfig(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS, CheckStatus.CRITICAL);
    }

    @Test
    void unsupportedCrlEndpointIsInvalidVersion() {
        MountInputs in = withCrl(crl(10)).crls(Map.of("r", Fetched.unsupported())).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.INVALID_VERSION);
    }

    @Test
    void vaultWithoutDeltaCrlsGetsOneInvalidVersionAndTheCrlResults() {
        MountInputs in = withCrl(crl(10)).deltaCrls(Map.of("r", Fetched.unsupported())).build();
        List<CheckResult> results = run(check, in);
        assertThat(statuses(results)).containsExactly(CheckStatus.OK, CheckStatus.INVALID_VERSION);
        assertThat(results.get(1).endpoint()).isEqualTo("pki/issuer/*/crl/delta");
    }

    @Test
    void forbiddenIssuersIsInsufficientPermissions() {
        assertThat(statuses(run(check, mount().issuers(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void mountWithoutIssuersIsNotApplicable() {
        assertThat(statuses(run(check, mount().issuers(issuers()).build())))
                .containsExactly(CheckStatus.NOT_APPLICABLE);
    }
}

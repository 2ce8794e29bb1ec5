package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.monitor.pkihealth.Certs;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaValidityPeriodTest {

    private final CaValidityPeriod check = new CaValidityPeriod();

    private CheckStatus statusOf(IssuerInput issuer) {
        List<CheckResult> results = run(check, mount().issuers(issuers(issuer)).build());
        assertThat(results).hasSize(1);
        return results.get(0).status();
    }

    @Test
    void rootWithLessThan180DaysLeftIsCritical() {
        assertThat(statusOf(root("r", 179))).isEqualTo(CheckStatus.CRITICAL);
    }

    @Test
    void rootWithLessThan365DaysLeftIsWarning() {
        assertThat(statusOf(root("r", 181))).isEqualTo(CheckStatus.WARNING);
    }

    @Test
    void rootWithLessThan730DaysLeftIsInformational() {
        assertThat(statusOf(root("r", 400))).isEqualTo(CheckStatus.INFORMATIONAL);
    }

    @Test
    void rootWithMoreThan730DaysLeftIsOk() {
        List<CheckResult> results = run(check, mount().issuers(issuers(root("r1", 800))).build());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.OK);
            assertThat(r.endpoint()).isEqualTo("pki/issuer/r1");
            assertThat(r.object()).contains("r1");
            assertThat(r.message()).isEqualTo("Issuer's validity (" + inDays(800).toString().substring(0, 10)
                    + ") is OK");
        });
    }

    @Test
    void intermediateWithLessThan30DaysLeftIsCritical() {
        assertThat(statusOf(intermediate("i", 29))).isEqualTo(CheckStatus.CRITICAL);
    }

    @Test
    void intermediateWithLessThan60DaysLeftIsWarning() {
        assertThat(statusOf(intermediate("i", 31))).isEqualTo(CheckStatus.WARNING);
    }

    @Test
    void intermediateWithLessThan180DaysLeftIsInformational() {
        assertThat(statusOf(intermediate("i", 61))).isEqualTo(CheckStatus.INFORMATIONAL);
    }

    @Test
    void intermediateWithMoreThan180DaysLeftIsOk() {
        assertThat(statusOf(intermediate("i", 181))).isEqualTo(CheckStatus.OK);
    }

    @Test
    void expiredIssuerIsCriticalWithTheCliMessage() {
        CheckResult result = run(check, mount().issuers(issuers(intermediate("i", -3))).build()).get(0);
        assertThat(result.status()).isEqualTo(CheckStatus.CRITICAL);
        assertThat(result.message()).startsWith("Issuer's validity is outside of the suggested rotation window:"
                + " issuer is valid until").contains("but expires within 4w2d (ending on 2027-01-04)");
    }

    @Test
    void aCertificateNamedAfterItselfButSignedByAnotherKeyIsNotARoot() {
        IssuerInput fake = IssuerInput.of("f", "", Certs.selfNamedButForeignSigned("x", inDays(200)).certificate(),
                Optional.empty(), false);
        assertThat(fake.root()).isFalse();
        assertThat(statusOf(fake)).isEqualTo(CheckStatus.OK); // 200 days: fine for an intermediate, a warning for a root
    }

    @Test
    void configuredWindowChangesTheStatus() {
        var settings = with(check, "root_expiry_critical", Duration.ofDays(500));
        assertThat(run(check, mount().issuers(issuers(root("r", 400))).build(), settings).get(0).status())
                .isEqualTo(CheckStatus.CRITICAL);
    }

    @Test
    void eachIssuerHasItsOwnResult() {
        assertThat(statuses(run(check, mount().issuers(issuers(root("a", 100), intermediate("b", 1000))).build())))
                .containsExactly(CheckStatus.CRITICAL, CheckStatus.OK);
    }

    @Test
    void unsupportedIssuersListIsInvalidVersion() {
        assertThat(run(check, mount().issuers(Fetched.unsupported()).build())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INVALID_VERSION);
            assertThat(r.endpoint()).isEqualTo("pki/issuers");
            assertThat(r.message()).contains("requires Vault 1.11+");
        });
    }

    @Test
    void forbiddenIssuersListIsInsufficientPermissions() {
        assertThat(statuses(run(check, mount().issuers(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void failedReadIsNotApplicableAndNamesTheReason() {
        assertThat(run(check, mount().issuers(Fetched.failed(FailureReason.TIMEOUT)).build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
                    assertThat(r.message()).contains("timeout");
                });
    }

    @Test
    void mountWithoutIssuersIsNotApplicable() {
        assertThat(statuses(run(check, mount().issuers(issuers()).build())))
                .containsExactly(CheckStatus.NOT_APPLICABLE);
    }
}

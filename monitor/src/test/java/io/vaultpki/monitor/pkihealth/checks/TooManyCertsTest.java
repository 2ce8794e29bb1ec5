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

class TooManyCertsTest {
    private final TooManyCerts check = new TooManyCerts();

    @Test
    void fiftyThousandStoredIsWarning() {
        assertThat(run(check, mount().storedCertificates(Fetched.of(50_000L)).build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
                    assertThat(r.message()).startsWith("This PKI mount has 50000 outstanding stored certificates;"
                            + " consider using no_store=true on roles");
                });
    }

    @Test
    void twoHundredFiftyThousandStoredIsCritical() {
        assertThat(statuses(run(check, mount().storedCertificates(Fetched.of(250_000L)).build())))
                .containsExactly(CheckStatus.CRITICAL);
    }

    @Test
    void fewerIsOk() {
        assertThat(statuses(run(check, mount().storedCertificates(Fetched.of(49_999L)).build())))
                .containsExactly(CheckStatus.OK);
    }

    @Test
    void unlistableCertificatesIsInsufficientPermissions() {
        assertThat(run(check, mount().storedCertificates(Fetched.forbidden()).build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.INSUFFICIENT_PERMISSIONS);
                    assertThat(r.endpoint()).isEqualTo("pki/certs");
                });
    }

    @Test
    void unsupportedIsInvalidVersion() {
        assertThat(statuses(run(check, mount().storedCertificates(Fetched.unsupported()).build())))
                .containsExactly(CheckStatus.INVALID_VERSION);
    }
}

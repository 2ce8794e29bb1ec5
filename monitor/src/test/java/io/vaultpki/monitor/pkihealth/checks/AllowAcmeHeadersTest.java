package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.AcmeConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static io.vaultpki.monitor.pkihealth.checks.TuneFixtures.*;

class AllowAcmeHeadersTest {
    private final AllowAcmeHeaders check = new AllowAcmeHeaders();

    @Test
    void acmeOnWithoutTheHeadersIsWarning() {
        var in = mount().acme(Fetched.of(new AcmeConfig(true)))
                .tune(Fetched.of(tune(List.of(), List.of(), List.of(), List.of("Replay-Nonce", "Link")))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.endpoint()).isEqualTo("sys/mounts/pki/tune");
        });
    }

    @Test
    void acmeOnWithTheHeadersIsOk() {
        var in = mount().acme(Fetched.of(new AcmeConfig(true))).tune(Fetched.of(tune(List.of(), List.of(),
                List.of(), List.of("location", "Replay-Nonce", "Link")))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.OK);
    }

    @Test
    void acmeOffIsNotApplicable() {
        List<CheckResult> results = run(check, mount().acme(Fetched.of(new AcmeConfig(false))).build());
        assertThat(statuses(results)).containsExactly(CheckStatus.NOT_APPLICABLE);
        assertThat(results.get(0).endpoint()).isEqualTo("pki/config/acme");
    }

    @Test
    void unreadableAcmeConfigIsInsufficientPermissions() {
        assertThat(statuses(run(check, mount().acme(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void unreadableTuneWithAcmeOnIsInsufficientPermissions() {
        var in = mount().acme(Fetched.of(new AcmeConfig(true))).tune(Fetched.forbidden()).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void vaultBefore114IsInvalidVersion() {
        assertThat(run(check, mount().acme(Fetched.unsupported()).build())).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("Vault 1.14+"));
    }
}

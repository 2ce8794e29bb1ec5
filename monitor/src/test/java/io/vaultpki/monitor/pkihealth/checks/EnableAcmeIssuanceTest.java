package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.AcmeConfig;
import io.vaultpki.monitor.pkihealth.input.ClusterConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.MountTune;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;

class EnableAcmeIssuanceTest {
    private final EnableAcmeIssuance check = new EnableAcmeIssuance();

    @Test
    void acmeOffWithAnIntermediateIsInformational() {
        var in = mount().acme(Fetched.of(new AcmeConfig(false)))
                .issuers(issuers(root("r", 3000), intermediate("i", 1000))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INFORMATIONAL);
            assertThat(r.message()).isEqualTo("Consider enabling ACME support to support a self-rotating PKI"
                    + " infrastructure.");
        });
    }

    @Test
    void acmeOffWithOnlyRootsOrNoIssuersIsNotApplicable() {
        assertThat(statuses(run(check, mount().acme(Fetched.of(new AcmeConfig(false)))
                .issuers(issuers(root("r", 3000))).build()))).containsExactly(CheckStatus.NOT_APPLICABLE);
        assertThat(statuses(run(check, mount().acme(Fetched.of(new AcmeConfig(false))).issuers(issuers())
                .build()))).containsExactly(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void acmeOnWithHttpClusterPathIsWarning() {
        var in = mount().acme(Fetched.of(new AcmeConfig(true)))
                .cluster(Fetched.of(new ClusterConfig("http://vault:8200/v1/pki"))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.endpoint()).isEqualTo("pki/config/cluster");
            assertThat(r.message()).isEqualTo("ACME enabled in config but not functional: the configured 'path'"
                    + " field in /pki/config/cluster was not using an https scheme");
        });
    }

    @Test
    void acmeOnWithoutClusterPathIsWarning() {
        var in = mount().acme(Fetched.of(new AcmeConfig(true))).cluster(Fetched.of(new ClusterConfig(""))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> assertThat(r.message())
                .contains("'path' field not configured within /pki/config/cluster"));
    }

    @Test
    void acmeOnWithHttpsClusterPathIsOkWithoutAProbe() {
        var in = mount().acme(Fetched.of(new AcmeConfig(true)))
                .cluster(Fetched.of(new ClusterConfig("https://vault.example:8200/v1/pki"))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.OK);
            assertThat(r.message()).contains("does not probe");
        });
    }

    @Test
    void unreadableConfigsAreInsufficientPermissionsAndOldVaultInvalidVersion() {
        assertThat(statuses(run(check, mount().acme(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
        assertThat(statuses(run(check, mount().acme(Fetched.of(new AcmeConfig(true))).cluster(Fetched.forbidden())
                .build()))).containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
        assertThat(statuses(run(check, mount().acme(Fetched.unsupported()).build())))
                .containsExactly(CheckStatus.INVALID_VERSION);
    }
}

package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.CrlConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static io.vaultpki.monitor.pkihealth.checks.RoleFixtures.*;

class RoleAllowsLocalhostTest {
    private final RoleAllowsLocalhost check = new RoleAllowsLocalhost();

    @Test
    void localhostWithAllowedDomainsIsWarning() {
        assertThat(run(check, mount().roles(roles(localhost("web", List.of("a.com", "b.com")))).build()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
                    assertThat(r.endpoint()).isEqualTo("pki/roles/web");
                    assertThat(r.object()).contains("web");
                    assertThat(r.message()).startsWith("Role currently allows localhost issuance with a non-empty"
                            + " allowed_domains ([a.com b.com])");
                });
    }

    @Test
    void localhostWithoutAllowedDomainsIsOk() {
        assertThat(run(check, mount().roles(roles(localhost("web", List.of()))).build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.OK);
                    assertThat(r.endpoint()).isEqualTo("pki/roles");
                });
    }

    @Test
    void unlistableRolesIsInsufficientPermissions() {
        assertThat(run(check, mount().roles(Fetched.forbidden()).build())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INSUFFICIENT_PERMISSIONS);
            assertThat(r.message()).isEqualTo("This token lacks permission either to list the roles. This"
                    + " restricts the ability to fully execute this health check.");
        });
    }

    @Test
    void oneUnreadableRoleIsReportedAndTheOthersStillJudged() {
        Map<String, Fetched<RoleInput>> map = new LinkedHashMap<>();
        map.put("secret", Fetched.forbidden());
        map.put("web", Fetched.of(localhost("web", List.of("a.com"))));
        List<CheckResult> results = run(check, mount().roles(Fetched.of(map)).build());
        assertThat(statuses(results)).containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS, CheckStatus.WARNING);
        assertThat(results.get(0).endpoint()).isEqualTo("pki/roles/secret");
    }

    @Test
    void unsupportedRolesIsInvalidVersion() {
        assertThat(statuses(run(check, mount().roles(Fetched.unsupported()).build())))
                .containsExactly(CheckStatus.INVALID_VERSION);
    }

    @Test
    void mountWithoutRolesIsNotApplicable() {
        assertThat(statuses(run(check, mount().roles(roles()).build())))
                .containsExactly(CheckStatus.NOT_APPLICABLE);
    }
}

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

class RoleNoStoreFalseTest {
    private final RoleNoStoreFalse check = new RoleNoStoreFalse();

    @Test
    void storingRoleIsWarning() {
        var in = mount().roles(roles(storing("s"))).crlConfig(Fetched.of(new CrlConfig(false, false))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.message()).startsWith("Role currently stores every issued certificate (no_store=false)."
                    + " Too many issued");
        });
    }

    @Test
    void storingRoleWithAutoRebuildIsInformational() {
        var in = mount().roles(roles(storing("s"))).crlConfig(Fetched.of(new CrlConfig(false, true))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.INFORMATIONAL);
    }

    @Test
    void roleListedInAllowedRolesIsAccepted() {
        // the CLI parses allowed_roles and never consults it: there, this role would still warn
        var in = mount().roles(roles(storing("s"), storing("t")))
                .crlConfig(Fetched.of(new CrlConfig(false, false))).build();
        List<CheckResult> results = run(check, in, with(check, "allowed_roles", List.of("s")));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.object()).contains("t"));
        assertThat(statuses(run(check, in, with(check, "allowed_roles", List.of("s", "t")))))
                .containsExactly(CheckStatus.OK);
    }

    @Test
    void noStoreRolesAreOk() {
        var in = mount().roles(roles(role("ok"))).crlConfig(Fetched.of(new CrlConfig(false, false))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.OK);
    }

    @Test
    void unreadableCrlConfigIsInsufficientPermissionsAndRolesStillWarn() {
        var in = mount().roles(roles(storing("s"))).crlConfig(Fetched.forbidden()).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS,
                CheckStatus.WARNING);
    }

    @Test
    void unlistableRolesIsInsufficientPermissions() {
        assertThat(statuses(run(check, mount().roles(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }
}

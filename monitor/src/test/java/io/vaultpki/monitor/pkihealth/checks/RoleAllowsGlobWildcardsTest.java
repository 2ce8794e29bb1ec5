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

class RoleAllowsGlobWildcardsTest {
    private final RoleAllowsGlobWildcards check = new RoleAllowsGlobWildcards();

    @Test
    void wildcardsWithGlobbedDomainIsWarning() {
        assertThat(run(check, mount().roles(roles(globWildcard("g", List.of("*.example.com"),
                Optional.of(true)))).build())).singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
                    assertThat(r.message()).startsWith("Role currently allows wildcard issuance while allowing"
                            + " globs in allowed_domains ([*.example.com])");
                });
    }

    @Test
    void globsWithoutStarOrWithoutWildcardsAreOk() {
        var in = mount().roles(roles(globWildcard("a", List.of("example.com"), Optional.of(true)),
                globWildcard("b", List.of("*.example.com"), Optional.of(false)))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.OK);
    }

    @Test
    void vaultWithoutAllowWildcardCertificatesIsInvalidVersion() {
        assertThat(run(check, mount().roles(roles(globWildcard("g", List.of("*.x"), Optional.empty()))).build()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.INVALID_VERSION);
                    assertThat(r.message()).contains("allow_wildcard_certificates");
                });
    }

    @Test
    void unlistableRolesIsInsufficientPermissions() {
        assertThat(statuses(run(check, mount().roles(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }
}

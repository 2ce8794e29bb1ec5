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

class IssuanceAtRiskTest {
    private final IssuanceAtRisk check = new IssuanceAtRisk();

    private RoleInput role(String name, Duration maxTtl, String issuerRef) {
        return new RoleInput(name, false, List.of(), Optional.of(false), false, true, maxTtl, issuerRef);
    }

    private IssuerInput defaultIssuer(String id, String name, Instant notAfter) {
        return new IssuerInput(id, name, notAfter, false, Optional.empty(), true);
    }

    @Test
    void issuerExpiringBeforeTheRolesMaxTtlIsWarningNamingRoleIssuerAndDaysLeft() {
        var in = mount().issuers(issuers(defaultIssuer("i1", "int-2026", inDays(20))))
                .roles(roles(role("web", Duration.ofDays(30), "default"))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.object()).contains("web");
            assertThat(r.endpoint()).isEqualTo("pki/roles/web");
            assertThat(r.message()).contains("Role web issues from issuer int-2026 (i1), which has 20 days left")
                    .contains("role's max_ttl of 30 days");
        });
    }

    @Test
    void roleWithoutMaxTtlIsJudgedAgainstTheMountsMaxLeaseTtl() {
        var in = mount().issuers(issuers(defaultIssuer("i1", "", inDays(20))))
                .roles(roles(role("web", Duration.ZERO, "default")))
                .tune(Fetched.of(new MountTune(List.of(), List.of(), List.of(), List.of(), Duration.ofDays(32))))
                .build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.message()).contains("mount's max lease TTL of 32 days");
        });
    }

    @Test
    void expiredIssuerIsCritical() {
        var in = mount().issuers(issuers(new IssuerInput("i1", "", inDays(-1), false, Optional.empty(), false)))
                .roles(roles(role("web", Duration.ofDays(1), "i1"))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.CRITICAL);
            assertThat(r.message()).contains("which expired on");
        });
    }

    @Test
    void messagesSayWhatTheIssuersLeafNotAfterBehaviorDoes() {
        var truncating = new IssuerInput("i1", "", inDays(-1), false, Optional.empty(), true, "truncate");
        assertThat(run(check, mount().issuers(issuers(truncating)).roles(roles(role("web", Duration.ofDays(1),
                "default"))).build())).singleElement().satisfies(r -> assertThat(r.message())
                .contains("issues certificates that are already expired (leaf_not_after_behavior=truncate)"));
        var erring = new IssuerInput("i1", "", inDays(10), false, Optional.empty(), true, "err");
        assertThat(run(check, mount().issuers(issuers(erring)).roles(roles(role("web", Duration.ofDays(30),
                "default"))).build())).singleElement().satisfies(r -> assertThat(r.message())
                .contains("Vault refuses certificates that would outlive the issuer (leaf_not_after_behavior=err)"));
    }

    @Test
    void issuerOutlivingTheMaxTtlIsOk() {
        var in = mount().issuers(issuers(defaultIssuer("i1", "int", inDays(400))))
                .roles(roles(role("a", Duration.ofDays(30), "int"), role("b", Duration.ofDays(90), "default")))
                .build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.OK);
    }

    @Test
    void roleNamingNoIssuerIsWarning() {
        var in = mount().issuers(issuers(defaultIssuer("i1", "int", inDays(400))))
                .roles(roles(role("a", Duration.ofDays(30), "gone"))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.message()).contains("no such issuer");
        });
    }

    @Test
    void unknownTtlIsNotApplicableForThatRole() {
        var in = mount().issuers(issuers(defaultIssuer("i1", "int", inDays(400))))
                .roles(roles(role("a", Duration.ZERO, "default"))).tune(Fetched.forbidden()).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void unreadableRolesOrIssuersAreInsufficientPermissions() {
        assertThat(statuses(run(check, mount().roles(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
        assertThat(statuses(run(check, mount().roles(roles(role("a", Duration.ofDays(1), "default")))
                .issuers(Fetched.forbidden()).build()))).containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void unsupportedIssuersIsInvalidVersion() {
        assertThat(statuses(run(check, mount().roles(roles(role("a", Duration.ofDays(1), "default")))
                .issuers(Fetched.unsupported()).build()))).containsExactly(CheckStatus.INVALID_VERSION);
    }
}

package io.vaultpki.monitor.status;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.emulator.MutableClock;
import io.vaultpki.monitor.metrics.ExpiryThresholds;
import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static io.vaultpki.monitor.metrics.Snapshots.ADDRESS;
import static io.vaultpki.monitor.metrics.Snapshots.REFRESHED;
import static io.vaultpki.monitor.metrics.Snapshots.about;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.failedEngine;
import static io.vaultpki.monitor.metrics.Snapshots.health;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.result;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static io.vaultpki.monitor.metrics.Snapshots.tidy;
import static org.assertj.core.api.Assertions.assertThat;

/** The health-check results in {@code /api/v1/status}: listed per engine, graded by the counted statuses, filtered. */
class StatusHealthChecksTest {

    private static final Instant NOW = REFRESHED.plusSeconds(10);
    private static final Instant CHECKED = REFRESHED.minusSeconds(30);
    private static final String ID = "11111111-0000-4000-8000-000000000001";

    private final SnapshotHolder holder = new SnapshotHolder(VaultSettings.builder().address(ADDRESS).build());
    private final MutableClock clock = new MutableClock(Clock.fixed(NOW, ZoneOffset.UTC));

    private StatusReport report(PkiSnapshot snapshot, Optional<Severity> atLeast) {
        return report(snapshot, atLeast, HealthCheckConfig.defaults());
    }

    private StatusReport report(PkiSnapshot snapshot, Optional<Severity> atLeast, HealthCheckConfig config) {
        holder.replace(snapshot);
        return new StatusReporter(holder, ExpiryThresholds.of(Duration.ofDays(30), Duration.ofDays(7)), config, clock)
                .report(atLeast);
    }

    private static EngineSnapshot pki(EngineHealth health) {
        return engine("pki/", List.of(issuer(ID, "root", NOW.plus(Duration.ofDays(400))))).withHealth(health);
    }

    private static HealthCheckConfig counting(CheckStatus... statuses) {
        return new HealthCheckConfig(true, 10, Map.of(), Set.of(statuses));
    }

    private static EngineHealth mixed() {
        return health(CHECKED,
                result("pki/", "tidy_last_run", CheckStatus.CRITICAL, "tidy-status", "Tidy hasn't run."),
                about("web", "pki/", "role_no_store_false", CheckStatus.WARNING, "roles/web", "Role web stores."),
                about("ops", "pki/", "role_no_store_false", CheckStatus.INSUFFICIENT_PERMISSIONS, "roles/ops", "403"),
                result("pki/", "enable_auto_tidy", CheckStatus.OK, "config/auto-tidy", "Auto-tidy is on."));
    }

    @Test
    void everyResultIsListedWithStatusStateEndpointMessageObjectAndTheRunsTime() {
        StatusReport report = report(snapshot(pki(mixed())), Optional.empty());

        StatusReport.HealthChecks checks = report.engines().get(0).healthChecks();
        assertThat(checks.checkedAt()).isEqualTo(CHECKED.toString());
        assertThat(checks.results()).containsExactly(
                new StatusReport.Check("tidy_last_run", "critical", "critical", "pki/tidy-status",
                        "Tidy hasn't run.", null),
                new StatusReport.Check("role_no_store_false", "warning", "warning", "pki/roles/web",
                        "Role web stores.", "web"),
                new StatusReport.Check("role_no_store_false", "insufficient_permissions", "ok", "pki/roles/ops",
                        "403", "ops"),
                new StatusReport.Check("enable_auto_tidy", "ok", "ok", "pki/config/auto-tidy",
                        "Auto-tidy is on.", null));
        assertThat(checks.tidy()).isNull();
    }

    @Test
    void aCriticalCheckMakesTheEngineAndTheReportCriticalAndTheRuleNamesIt() {
        StatusReport report = report(snapshot(pki(mixed())), Optional.empty());

        assertThat(report.state()).isEqualTo("critical");
        assertThat(report.engines().get(0).state()).isEqualTo("critical");
        assertThat(report.rule()).isEqualTo("health check tidy_last_run on pki/ is critical (pki/tidy-status):"
                + " Tidy hasn't run.");
    }

    @Test
    void aWarningCheckMakesTheEngineWarningAndTheRuleNamesItsObject() {
        StatusReport report = report(snapshot(pki(health(CHECKED,
                about("web", "pki/", "role_allows_localhost", CheckStatus.WARNING, "roles/web", "localhost"),
                result("pki/", "tidy_last_run", CheckStatus.OK, "tidy-status", "ok")))), Optional.empty());

        assertThat(report.state()).isEqualTo("warning");
        assertThat(report.engines().get(0).state()).isEqualTo("warning");
        assertThat(report.rule()).isEqualTo("health check role_allows_localhost on pki/ is warning for web"
                + " (pki/roles/web): localhost");
    }

    @Test
    void statusesThatAreNotCountedLeaveTheEngineOk() {
        StatusReport report = report(snapshot(pki(health(CHECKED,
                result("pki/", "audit_visibility", CheckStatus.INFORMATIONAL, "sys/mounts/pki/tune", "hmac"),
                result("pki/", "tidy_last_run", CheckStatus.INSUFFICIENT_PERMISSIONS, "tidy-status", "403"),
                result("pki/", "crl_validity_period", CheckStatus.INVALID_VERSION, "issuer/x/crl/delta", "404"),
                result("pki/", "enable_acme_issuance", CheckStatus.NOT_APPLICABLE, "config/acme", "off")))),
                Optional.empty());

        assertThat(report.state()).isEqualTo("ok");
        assertThat(report.engines().get(0).state()).isEqualTo("ok");
        assertThat(report.engines().get(0).healthChecks().results()).hasSize(4)
                .allSatisfy(c -> assertThat(c.state()).isEqualTo("ok"));
    }

    @Test
    void theCountedStatusesAreConfigurable() {
        StatusReport permissions = report(snapshot(pki(mixed())), Optional.empty(),
                counting(CheckStatus.INSUFFICIENT_PERMISSIONS));
        assertThat(permissions.state()).isEqualTo("warning");
        assertThat(permissions.rule()).startsWith("health check role_no_store_false on pki/ is insufficient_permissions"
                + " for ops");
        assertThat(permissions.engines().get(0).healthChecks().results())
                .extracting(StatusReport.Check::state).containsExactly("ok", "ok", "warning", "ok");

        StatusReport none = report(snapshot(pki(mixed())), Optional.empty(), counting());
        assertThat(none.state()).isEqualTo("ok");
        assertThat(none.engines().get(0).state()).isEqualTo("ok");
    }

    @Test
    void statusFilterByStateIncludesHealthChecks() {
        PkiSnapshot snapshot = snapshot(pki(mixed()),
                engine("quiet/", List.of()).withHealth(health(CHECKED,
                        result("quiet/", "tidy_last_run", CheckStatus.OK, "tidy-status", "ok"))));

        StatusReport warning = report(snapshot, Optional.of(Severity.WARNING));
        StatusReport critical = report(snapshot, Optional.of(Severity.CRITICAL));

        // pki/ is listed for its checks alone (its issuer is ok and filtered out)
        assertThat(warning.engines()).singleElement().satisfies(e -> {
            assertThat(e.engine()).isEqualTo("pki/");
            assertThat(e.issuers()).isEmpty();
            assertThat(e.healthChecks().results()).extracting(StatusReport.Check::check)
                    .containsExactly("tidy_last_run", "role_no_store_false");
        });
        assertThat(critical.engines()).singleElement().satisfies(e -> assertThat(e.healthChecks().results())
                .extracting(StatusReport.Check::status).containsExactly("critical"));
        assertThat(report(snapshot, Optional.of(Severity.OK)).engines()).hasSize(2);
    }

    @Test
    void anIssuerOfTheSameStateDecidesTheRuleBeforeAHealthCheck() {
        StatusReport report = report(snapshot(engine("pki/", List.of(issuer(ID, "root", NOW.plus(Duration.ofDays(3)))))
                .withHealth(mixed())), Optional.empty());

        assertThat(report.state()).isEqualTo("critical");
        assertThat(report.rule()).startsWith("issuer " + ID);
    }

    @Test
    void aFailedRefreshStaysTheOverallErrorOverACriticalCheck() {
        StatusReport report = report(snapshot(failedEngine("pki/", List.of()).withHealth(mixed())), Optional.empty());

        assertThat(report.state()).isEqualTo("error");
        assertThat(report.engines().get(0).state()).isEqualTo("error");
        assertThat(report.engines().get(0).healthChecks().results()).hasSize(4);
    }

    @Test
    void anEngineWithoutARunHasNoHealthSection() {
        StatusReport report = report(snapshot(engine("pki/", List.of())), Optional.empty());

        assertThat(report.engines().get(0).healthChecks()).isNull();
        assertThat(report.state()).isEqualTo("ok");
    }

    @Test
    void theTidyStatusTheRunReadIsReported() {
        Instant started = CHECKED.minus(Duration.ofHours(2));
        StatusReport report = report(snapshot(pki(health(CHECKED, tidy("Finished", started, started.plusSeconds(5),
                10, 2, OptionalLong.of(300), OptionalLong.empty())))), Optional.empty());

        assertThat(report.engines().get(0).healthChecks().tidy()).isEqualTo(new StatusReport.Tidy("Finished", null,
                started.toString(), started.plusSeconds(5).toString(), 10, 2, 300L, null));
    }
}

package io.vaultpki.monitor.status;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.monitor.metrics.ExpiryThresholds;
import io.vaultpki.monitor.metrics.Snapshots;
import io.vaultpki.emulator.MutableClock;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshError;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.monitor.refresh.VaultState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.vaultpki.monitor.metrics.Snapshots.ADDRESS;
import static io.vaultpki.monitor.metrics.Snapshots.REFRESHED;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.failedEngine;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class StatusReporterTest {

    private static final Instant NOW = REFRESHED.plusSeconds(10);
    private static final String OK_ID = "11111111-0000-4000-8000-000000000001";
    private static final String WARN_ID = "22222222-0000-4000-8000-000000000002";
    private static final String CRIT_ID = "33333333-0000-4000-8000-000000000003";

    private final MutableClock clock = new MutableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    private final SnapshotHolder holder = new SnapshotHolder(VaultSettings.builder().address(ADDRESS).build());

    private StatusReporter reporter() {
        return reporter(ExpiryThresholds.of(Duration.ofDays(30), Duration.ofDays(7)));
    }

    private StatusReporter reporter(ExpiryThresholds thresholds) {
        return new StatusReporter(holder, thresholds, clock);
    }

    private StatusReport report(PkiSnapshot snapshot) {
        holder.replace(snapshot);
        return reporter().report(Optional.empty());
    }

    @Test
    void allIssuersFarFromExpiryAreOk() {
        StatusReport report = report(snapshot(engine("pki/", List.of(issuer(OK_ID, "root",
                NOW.plus(Duration.ofDays(365)))))));

        assertThat(report.state()).isEqualTo("ok");
        assertThat(report.rule()).contains("1 issuer(s)").contains("30d");
        assertThat(report.engines()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo("ok");
            assertThat(e.issuers()).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo(OK_ID);
                assertThat(i.name()).isEqualTo("root");
                assertThat(i.subject()).isEqualTo("CN=CN root,O=Example");
                assertThat(i.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(365)).toString());
                assertThat(i.secondsLeft()).isEqualTo(Duration.ofDays(365).getSeconds());
                assertThat(i.state()).isEqualTo("ok");
            });
        });
    }

    @Test
    void theWorstIssuerDecidesTheStateAndTheRuleNamesIt() {
        StatusReport report = report(snapshot(engine("pki/", List.of(
                issuer(OK_ID, "a", NOW.plus(Duration.ofDays(100))),
                issuer(WARN_ID, "b", NOW.plus(Duration.ofDays(20))),
                issuer(CRIT_ID, "c", NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(3)))))));

        assertThat(report.state()).isEqualTo("critical");
        assertThat(report.rule()).isEqualTo("issuer " + CRIT_ID
                + " (c) on pki/ expires in 5d 3h, within the critical threshold of 7d");
        assertThat(report.engines().get(0).issuers()).extracting(StatusReport.Issuer::state)
                .containsExactly("ok", "warning", "critical");
        assertThat(report.engines().get(0).state()).isEqualTo("critical");
    }

    @Test
    void amongIssuersOfTheWinningStateTheRuleNamesTheOneWithTheLeastTimeLeft() {
        StatusReport report = report(snapshot(engine("pki/", List.of(
                issuer(WARN_ID, "renewed", NOW.plus(Duration.ofDays(5))),
                issuer(CRIT_ID, "old", NOW.minus(Duration.ofDays(3)))))));

        assertThat(report.state()).isEqualTo("critical");
        assertThat(report.rule()).startsWith("issuer " + CRIT_ID + " (old) on pki/ expired 3d ago");
    }

    @Test
    void anIssuerWithinTheWarningThresholdIsAWarning() {
        StatusReport report = report(snapshot(engine("pki/", List.of(issuer(WARN_ID, "b",
                NOW.plus(Duration.ofDays(29)))))));

        assertThat(report.state()).isEqualTo("warning");
        assertThat(report.rule()).contains(WARN_ID).contains("warning threshold of 30d");
    }

    @Test
    void anExpiredIssuerIsCriticalWithNegativeSecondsLeft() {
        StatusReport report = report(snapshot(engine("pki/", List.of(issuer(CRIT_ID, "", NOW.minusSeconds(7200))))));

        assertThat(report.state()).isEqualTo("critical");
        assertThat(report.rule()).contains("expired 2h ago");
        assertThat(report.engines().get(0).issuers().get(0).secondsLeft()).isEqualTo(-7200);
    }

    @Test
    void configuredThresholdsGradeTheIssuers() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(WARN_ID, "b", NOW.plus(Duration.ofDays(20)))))));
        StatusReport report = reporter(ExpiryThresholds.of(Duration.ofDays(10), Duration.ofDays(2)))
                .report(Optional.empty());

        assertThat(report.state()).isEqualTo("ok");
        assertThat(report.thresholds().warningSeconds()).isEqualTo(Duration.ofDays(10).getSeconds());
        assertThat(report.thresholds().criticalSeconds()).isEqualTo(Duration.ofDays(2).getSeconds());
    }

    @Test
    void theStateIsComputedWhenAskedNotWhenRefreshed() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(WARN_ID, "b", NOW.plus(Duration.ofDays(8)))))));
        assertThat(reporter().report(Optional.empty()).state()).isEqualTo("warning");
        clock.advance(Duration.ofDays(2));

        assertThat(reporter().report(Optional.empty()).state()).isEqualTo("critical");
    }

    @Test
    void aFailedEngineIsAnErrorThatOutranksExpiry() {
        StatusReport report = report(snapshot(engine("pki/", List.of(issuer(CRIT_ID, "c",
                NOW.plus(Duration.ofDays(1))))), failedEngine("broken/", List.of())));

        assertThat(report.state()).isEqualTo("error");
        assertThat(report.rule()).isEqualTo("the last refresh of engine broken/ failed: "
                + "LIST broken/issuers: 403 permission denied");
        assertThat(report.lastRefresh().outcome()).isEqualTo("partial");
        assertThat(report.lastRefresh().errors()).singleElement().satisfies(e -> {
            assertThat(e.engine()).isEqualTo("broken/");
            assertThat(e.reason()).isEqualTo("permission_denied");
        });
        assertThat(report.engines()).filteredOn(e -> e.engine().equals("broken/")).singleElement()
                .satisfies(e -> assertThat(e.up()).isFalse());
    }

    @Test
    void anUnreachableVaultIsAnErrorAndTheLastGoodDataStays() {
        VaultState down = new VaultState(ADDRESS, false, Optional.empty(), Optional.empty(), Optional.empty(), "",
                "approle", Optional.empty(), Optional.of(new RefreshError("", FailureReason.UNREACHABLE,
                "GET sys/health: connection refused")));
        StatusReport report = report(snapshot(down, engine("pki/", List.of(issuer(OK_ID, "a",
                NOW.plus(Duration.ofDays(100)))))));

        assertThat(report.state()).isEqualTo("error");
        assertThat(report.rule()).contains(ADDRESS).contains("connection refused");
        assertThat(report.lastRefresh().outcome()).isEqualTo("failed");
        assertThat(report.lastRefresh().errors()).extracting(StatusReport.Error::reason).containsExactly("unreachable");
        assertThat(report.engines()).hasSize(1);
        assertThat(report.vault().reachable()).isFalse();
        assertThat(report.vault().sealed()).isNull();
    }

    @Test
    void anObjectThatDoesNotParseIsAnErrorNamingItsPathWhileItsEngineStaysUp() {
        String crl = "pki/issuer/" + OK_ID + "/crl";
        EngineSnapshot engine = new EngineSnapshot("pki/", "", "pki/", true, Optional.of(REFRESHED),
                List.of(issuer(OK_ID, "a", NOW.plus(Duration.ofDays(100)))), List.of(), List.of(), false,
                List.of(new RefreshError("pki/", FailureReason.PARSE_ERROR, "Unexpected response from Vault [" + crl
                        + "]: not a CRL", crl)));

        StatusReport report = report(snapshot(engine));

        assertThat(report.state()).isEqualTo("error");
        assertThat(report.rule()).contains(crl).contains("parse_error");
        assertThat(report.lastRefresh().outcome()).isEqualTo("partial");
        assertThat(report.lastRefresh().errors()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("parse_error");
            assertThat(e.path()).isEqualTo(crl);
        });
        assertThat(report.engines()).singleElement().satisfies(e -> {
            assertThat(e.up()).isTrue();
            assertThat(e.state()).isEqualTo("error");
            assertThat(e.issuers()).hasSize(1);
        });
    }

    @Test
    void aMonitorWideFailureIsListedOnceThoughEveryKeptEngineCarriesIt() {
        RefreshError sealed = new RefreshError("", FailureReason.SEALED, "GET pki/certs: 503 Vault is sealed",
                "pki/certs");
        VaultState down = new VaultState(ADDRESS, false, Optional.of(true), Optional.of(true), Optional.of(false), "",
                "approle", Optional.empty(), Optional.of(sealed));
        EngineSnapshot a = new EngineSnapshot("a/", "", "a/", false, Optional.of(REFRESHED), List.of(), List.of(),
                List.of(), false, List.of(sealed));
        EngineSnapshot b = new EngineSnapshot("b/", "", "b/", false, Optional.of(REFRESHED), List.of(), List.of(),
                List.of(), false, List.of(sealed));

        StatusReport report = report(snapshot(down, a, b));

        assertThat(report.lastRefresh().errors()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("sealed");
            assertThat(e.engine()).isEmpty();
            assertThat(e.path()).isEqualTo("pki/certs");
        });
    }

    @Test
    void anErrorWithoutAPathOmitsIt() {
        StatusReport report = report(snapshot(failedEngine("x/", List.of())));

        assertThat(report.lastRefresh().errors()).singleElement().satisfies(e -> assertThat(e.path()).isNull());
    }

    @Test
    void beforeTheFirstRefreshTheStateIsError() {
        StatusReport report = report(PkiSnapshot.empty(ADDRESS));

        assertThat(report.state()).isEqualTo("error");
        assertThat(report.rule()).isEqualTo("no refresh from Vault has completed yet");
        assertThat(report.lastRefresh().outcome()).isEqualTo("none");
        assertThat(report.lastRefresh().startedAt()).isNull();
    }

    @Test
    void vaultFieldsAndTokenTtlComeFromTheSnapshot() {
        StatusReport report = report(snapshot(Snapshots.reachableVault(Optional.of(NOW.plus(Duration.ofHours(1))))));

        assertThat(report.vault()).isEqualTo(new StatusReport.Vault(ADDRESS, true, true, false, false, "1.17.2",
                "approle", 3600L));
        assertThat(report.lastRefresh().outcome()).isEqualTo("success");
        assertThat(report.lastRefresh().durationSeconds()).isEqualTo(2.0);
        assertThat(report.lastRefresh().lastSuccess()).isEqualTo(REFRESHED.toString());
    }

    @Test
    void aStateFilterListsOnlyEnginesAndIssuersAtThatStateOrWorse() {
        holder.replace(snapshot(
                engine("fine/", List.of(issuer(OK_ID, "a", NOW.plus(Duration.ofDays(100))))),
                engine("pki/", List.of(issuer(OK_ID, "a", NOW.plus(Duration.ofDays(100))),
                        issuer(WARN_ID, "b", NOW.plus(Duration.ofDays(20))),
                        issuer(CRIT_ID, "c", NOW.plus(Duration.ofDays(1)))))));

        StatusReport warning = reporter().report(Optional.of(Severity.WARNING));
        StatusReport critical = reporter().report(Optional.of(Severity.CRITICAL));

        assertThat(warning.engines()).singleElement().satisfies(e -> assertThat(e.issuers())
                .extracting(StatusReport.Issuer::id).containsExactly(WARN_ID, CRIT_ID));
        assertThat(critical.engines()).singleElement().satisfies(e -> assertThat(e.issuers())
                .extracting(StatusReport.Issuer::id).containsExactly(CRIT_ID));
        assertThat(critical.state()).isEqualTo("critical");
        assertThat(reporter().report(Optional.of(Severity.OK)).engines()).hasSize(2);
    }

    @Test
    void healthyOnlyWithASnapshotFromAReachableVault() {
        assertThat(reporter().healthy()).isFalse();
        holder.replace(snapshot(engine("pki/", List.of())));
        assertThat(reporter().healthy()).isTrue();
        holder.replace(snapshot(VaultState.unknown(ADDRESS)));
        assertThat(reporter().healthy()).isFalse();
    }

    @Test
    void durationsAreWrittenForPeople() {
        assertThat(StatusReporter.human(Duration.ofDays(7).getSeconds())).isEqualTo("7d");
        assertThat(StatusReporter.human(Duration.ofHours(50).getSeconds())).isEqualTo("2d 2h");
        assertThat(StatusReporter.human(Duration.ofMinutes(130).getSeconds())).isEqualTo("2h 10m");
        assertThat(StatusReporter.human(59)).isEqualTo("59s");
    }
}

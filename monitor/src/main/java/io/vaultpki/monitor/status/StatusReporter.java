package io.vaultpki.monitor.status;

import io.vaultpki.monitor.metrics.ExpiryThresholds;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.IssuerInfo;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshError;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.monitor.refresh.VaultState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grades the current {@link PkiSnapshot} into a {@link StatusReport}. Reads memory only, never Vault.
 *
 * <p>The overall state is the worst finding, in this order: {@code error} when no refresh has completed yet, when
 * Vault was unreachable or refused the monitor at the last refresh, when an engine's last refresh failed (a mount
 * {@code PKI_MOUNT_PATH} names that is not a PKI mount included), or when an object (issuer, CRL, certificate)
 * could not be parsed;
 * {@code critical} when an issuer has less than the critical threshold left (or has expired), or a counted
 * health-check result is critical; {@code warning} when an issuer has less than the warning threshold left or a
 * health-check result of another counted status exists ({@link HealthSection}); else {@code ok}. The {@code rule}
 * names the finding that decided it: the first error, else the issuer of the winning state with the least time
 * left, else the first health-check result of that state.
 */
public class StatusReporter {

    private final SnapshotHolder snapshots;
    private final ExpiryThresholds thresholds;
    private final Clock clock;
    private final HealthSection health;

    /** A reporter counting the default health-check statuses (warning, critical). */
    public StatusReporter(SnapshotHolder snapshots, ExpiryThresholds thresholds, Clock clock) {
        this(snapshots, thresholds, HealthCheckConfig.defaults(), clock);
    }

    public StatusReporter(SnapshotHolder snapshots, ExpiryThresholds thresholds, HealthCheckConfig healthChecks,
                          Clock clock) {
        this.snapshots = snapshots;
        this.thresholds = thresholds;
        this.clock = clock;
        this.health = new HealthSection(healthChecks.counted());
    }

    /** Whether the monitor has data from a Vault it could reach: what {@code GET /status} answers. */
    public boolean healthy() {
        PkiSnapshot snapshot = snapshots.current();
        return !snapshot.isEmpty() && snapshot.vault().reachable();
    }

    /**
     * The report; with {@code atLeast}, only engines and issuers at that state or worse are listed (the overall
     * state and rule still cover everything).
     */
    public StatusReport report(Optional<Severity> atLeast) {
        return report(snapshots.current(), atLeast);
    }

    /** The report of {@code snapshot}, for a reader (the status page) that also shows more of that same snapshot. */
    public StatusReport report(PkiSnapshot snapshot, Optional<Severity> atLeast) {
        Instant now = clock.instant();
        Finding overall = overallError(snapshot).orElse(new Finding(Severity.OK, Long.MAX_VALUE, ""));
        List<StatusReport.Engine> engines = new ArrayList<>();
        int issuerCount = 0;
        for (EngineSnapshot engine : snapshot.engines()) {
            Severity engineState = engine.up() && engine.errors().isEmpty() ? Severity.OK : Severity.ERROR;
            List<StatusReport.Issuer> issuers = new ArrayList<>();
            for (IssuerInfo issuer : engine.issuers()) {
                issuerCount++;
                long secondsLeft = Duration.between(now, issuer.notAfter()).getSeconds();
                Severity state = grade(secondsLeft);
                engineState = Severity.worst(engineState, state);
                if (state.compareTo(overall.severity()) > 0 || state != Severity.OK
                        && state == overall.severity() && secondsLeft < overall.secondsLeft()) {
                    overall = new Finding(state, secondsLeft, "issuer " + issuer.id() + describeName(issuer) + " on "
                            + engine.engine() + (secondsLeft < 0 ? " expired " + human(-secondsLeft) + " ago"
                            : " expires in " + human(secondsLeft)) + ", within the " + state.label()
                            + " threshold of " + human(threshold(state).getSeconds()));
                }
                if (atLeast.isEmpty() || state.atLeast(atLeast.get())) {
                    issuers.add(new StatusReport.Issuer(issuer.id(), issuer.name(), issuer.subject(),
                            issuer.notAfter().toString(), secondsLeft, state.label()));
                }
            }
            StatusReport.HealthChecks checks = null;
            if (engine.health().isPresent()) {
                HealthSection.Graded graded = health.grade(engine.engine(), engine.health().get(), atLeast);
                engineState = Severity.worst(engineState, graded.worst());
                if (graded.worst().compareTo(overall.severity()) > 0) { // an issuer of the same state wins
                    overall = new Finding(graded.worst(), Long.MAX_VALUE, graded.rule().orElseThrow());
                }
                checks = graded.section();
            }
            if (atLeast.isEmpty() || engineState.atLeast(atLeast.get())) {
                engines.add(new StatusReport.Engine(engine.engine(), engine.up(), engineState.label(),
                        engine.lastSuccess().map(Instant::toString).orElse(null), issuers, checks));
            }
        }
        if (overall.severity() == Severity.OK) {
            overall = new Finding(Severity.OK, Long.MAX_VALUE, "Vault reachable, every engine refreshed, "
                    + issuerCount + " issuer(s) with more than " + human(thresholds.warning().getSeconds()) + " left");
        }
        return new StatusReport(overall.severity().label(), overall.rule(), now.toString(),
                new StatusReport.Thresholds(thresholds.warning().getSeconds(), thresholds.critical().getSeconds()),
                vault(snapshot.vault(), now), lastRefresh(snapshot), engines);
    }

    private Optional<Finding> overallError(PkiSnapshot snapshot) {
        if (snapshot.isEmpty()) {
            return Optional.of(new Finding(Severity.ERROR, Long.MIN_VALUE,
                    "no refresh from Vault has completed yet"));
        }
        VaultState vault = snapshot.vault();
        if (!vault.reachable()) {
            return Optional.of(new Finding(Severity.ERROR, Long.MIN_VALUE, "Vault at " + vault.address()
                    + " was not reachable or refused the monitor at the last refresh"
                    + vault.error().map(e -> ": " + e.message()).orElse("")));
        }
        Optional<Finding> failedEngine = snapshot.engines().stream().filter(e -> !e.up()).findFirst()
                .map(e -> new Finding(Severity.ERROR, Long.MIN_VALUE, "the last refresh of engine " + e.engine()
                        + " failed"
                        + e.errors().stream().findFirst().map(err -> ": " + err.message()).orElse("")));
        if (failedEngine.isPresent()) {
            return failedEngine;
        }
        return snapshot.engines().stream().flatMap(e -> e.errors().stream()).findFirst()
                .map(err -> new Finding(Severity.ERROR, Long.MIN_VALUE, "engine " + err.engine() + ": "
                        + (err.path().isEmpty() ? "an object" : err.path()) + " could not be read ("
                        + err.reason().label() + ") and is left out: " + err.message()));
    }

    private Severity grade(long secondsLeft) {
        if (secondsLeft < thresholds.critical().getSeconds()) {
            return Severity.CRITICAL;
        }
        return secondsLeft < thresholds.warning().getSeconds() ? Severity.WARNING : Severity.OK;
    }

    private Duration threshold(Severity state) {
        return state == Severity.CRITICAL ? thresholds.critical() : thresholds.warning();
    }

    private static StatusReport.Vault vault(VaultState vault, Instant now) {
        Long ttl = vault.tokenExpiry().map(expiry -> Duration.between(now, expiry).getSeconds()).orElse(null);
        return new StatusReport.Vault(vault.address(), vault.reachable(), vault.initialized().orElse(null),
                vault.sealed().orElse(null), vault.standby().orElse(null), vault.version(), vault.authMethod(), ttl);
    }

    private static StatusReport.LastRefresh lastRefresh(PkiSnapshot snapshot) {
        // a monitor-wide failure is also each kept engine's reason for not being up: listed once
        java.util.Set<StatusReport.Error> unique = new java.util.LinkedHashSet<>();
        snapshot.vault().error().ifPresent(e -> unique.add(error(e)));
        snapshot.engines().forEach(engine -> engine.errors().forEach(e -> unique.add(error(e))));
        List<StatusReport.Error> errors = new ArrayList<>(unique);
        if (snapshot.isEmpty()) {
            return new StatusReport.LastRefresh(null, null, null, "none", null, errors);
        }
        String outcome = !snapshot.vault().reachable() ? "failed" : errors.isEmpty() ? "success" : "partial";
        return new StatusReport.LastRefresh(snapshot.startedAt().toString(), snapshot.completedAt().toString(),
                snapshot.duration().toMillis() / 1000.0, outcome,
                snapshot.lastSuccess().map(Instant::toString).orElse(null), errors);
    }

    private static StatusReport.Error error(RefreshError error) {
        return new StatusReport.Error(error.engine(), error.reason().label(), error.message(),
                error.path().isEmpty() ? null : error.path());
    }

    private static String describeName(IssuerInfo issuer) {
        return issuer.name().isEmpty() ? "" : " (" + issuer.name() + ")";
    }

    /** {@code 5d 3h}, {@code 2h 10m}, {@code 45s}: precise enough for a person reading the rule. */
    static String human(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return hours == 0 ? days + "d" : days + "d " + hours + "h";
        }
        if (hours > 0) {
            return minutes == 0 ? hours + "h" : hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m" : seconds + "s";
    }

    /** What decided the state; among issuers of the same state, the one with the least time left wins. */
    private record Finding(Severity severity, long secondsLeft, String rule) {
    }
}

package io.vaultpki.monitor.status;

import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.input.TidyStatus;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grades an engine's latest health-check run for the status API: a result whose status is counted
 * ({@code monitor.health-checks.counted-statuses}, default warning and critical) makes the engine {@code critical}
 * when it is {@code critical} and {@code warning} otherwise; an uncounted result is {@code ok}.
 */
final class HealthSection {

    /**
     * The section of one engine and what it makes the engine.
     *
     * @param section the JSON section, results filtered by the {@code ?state=} of the request
     * @param worst   the worst state of all results (unfiltered)
     * @param rule    the finding that decided {@code worst}, for the report's {@code rule}; empty when ok
     */
    record Graded(StatusReport.HealthChecks section, Severity worst, Optional<String> rule) {
    }

    private final Set<CheckStatus> counted;

    HealthSection(Set<CheckStatus> counted) {
        this.counted = Set.copyOf(counted);
    }

    /** What {@code status} counts for the engine. */
    Severity state(CheckStatus status) {
        if (!counted.contains(status)) {
            return Severity.OK;
        }
        return status == CheckStatus.CRITICAL ? Severity.CRITICAL : Severity.WARNING;
    }

    Graded grade(String engine, EngineHealth health, Optional<Severity> atLeast) {
        Severity worst = Severity.OK;
        Optional<String> rule = Optional.empty();
        List<StatusReport.Check> listed = new ArrayList<>();
        for (CheckResult result : health.results()) {
            Severity state = state(result.status());
            if (state.compareTo(worst) > 0) { // the first result of the worst state names it
                worst = state;
                rule = Optional.of("health check " + result.check() + " on " + engine + " is "
                        + result.status().label() + result.object().map(o -> " for " + o).orElse("") + " ("
                        + result.endpoint() + "): " + result.message());
            }
            if (atLeast.isEmpty() || state.atLeast(atLeast.get())) {
                listed.add(new StatusReport.Check(result.check(), result.status().label(), state.label(),
                        result.endpoint(), result.message(), result.object().orElse(null)));
            }
        }
        return new Graded(new StatusReport.HealthChecks(health.checkedAt().toString(), listed,
                health.tidy().map(HealthSection::tidy).orElse(null)), worst, rule);
    }

    private static StatusReport.Tidy tidy(TidyStatus tidy) {
        return new StatusReport.Tidy(tidy.state(), tidy.error().orElse(null),
                tidy.timeStarted().map(Instant::toString).orElse(null),
                tidy.timeFinished().map(Instant::toString).orElse(null), tidy.certStoreDeletedCount(),
                tidy.revokedCertDeletedCount(),
                tidy.currentCertStoreCount().isPresent() ? tidy.currentCertStoreCount().getAsLong() : null,
                tidy.currentRevokedCertCount().isPresent() ? tidy.currentRevokedCertCount().getAsLong() : null);
    }
}

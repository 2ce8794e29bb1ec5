package io.vaultpki.monitor.pkihealth;

import io.vaultpki.monitor.pkihealth.input.TidyStatus;
import io.vaultpki.monitor.pkihealth.model.CheckResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest health-check run of one engine, carried by every snapshot until the next run replaces it (checks run
 * every {@code monitor.health-checks.every-refreshes} refreshes, the snapshot is rebuilt by each refresh).
 *
 * @param checkedAt when the run read Vault
 * @param results   every result of the enabled checks ({@link HealthCheckRunner#run})
 * @param tidy      the {@code tidy-status} the run read, when the token may read it and Vault has it
 */
public record EngineHealth(Instant checkedAt, List<CheckResult> results, Optional<TidyStatus> tidy) {

    public EngineHealth {
        Objects.requireNonNull(checkedAt, "checkedAt");
        results = List.copyOf(results);
        tidy = tidy == null ? Optional.empty() : tidy;
    }
}

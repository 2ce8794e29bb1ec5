package io.vaultpki.monitor.pkihealth.config;

import io.vaultpki.monitor.pkihealth.checks.HealthCheck;
import io.vaultpki.monitor.pkihealth.checks.HealthChecks;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The health checks' effective configuration, checked and immutable: whether they run, how often, each check's
 * settings (every known check is present), and which statuses count toward an engine's overall state.
 *
 * @param enabled        whether the checks run at all
 * @param everyRefreshes the checks run on every n-th refresh
 * @param checks         check name to settings, in {@link HealthChecks#all()} order
 * @param counted        the statuses that make an engine's overall state not OK
 */
public record HealthCheckConfig(boolean enabled, int everyRefreshes, Map<String, CheckSettings> checks,
                                Set<CheckStatus> counted) {

    public HealthCheckConfig {
        if (everyRefreshes < 1) {
            throw new IllegalArgumentException("everyRefreshes must be at least 1, was " + everyRefreshes);
        }
        Map<String, CheckSettings> all = new LinkedHashMap<>();
        for (HealthCheck check : HealthChecks.all()) {
            all.put(check.name(), Objects.requireNonNullElseGet(checks.get(check.name()),
                    () -> CheckSettings.defaults(check.enabledByDefault(), check.params())));
        }
        checks = java.util.Collections.unmodifiableMap(all);
        counted = counted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(counted));
    }

    /** Every check with its defaults (hardware_backed_root off), warning and critical counted. */
    public static HealthCheckConfig defaults() {
        return new HealthCheckConfig(true, 10, Map.of(), Set.of(CheckStatus.WARNING, CheckStatus.CRITICAL));
    }

    /** The settings of {@code check}. */
    public CheckSettings settings(String check) {
        CheckSettings settings = checks.get(check);
        if (settings == null) {
            throw new IllegalArgumentException("unknown health check " + check);
        }
        return settings;
    }

    /** Whether {@code results} hold a status that counts toward the engine's overall state. */
    public boolean anyCounted(Collection<CheckResult> results) {
        return results.stream().anyMatch(r -> counted.contains(r.status()));
    }
}

package io.vaultpki.exporter.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.vaultpki.exporter.config.ExporterConfiguration;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ExportStatus;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readiness: DOWN until the export directory is recovered after the port was bound; then every export has valid
 * files on disk, or Vault is reachable to make them. A Vault outage alone keeps
 * the exporter ready while the files it serves are still valid (liveness never depends on Vault at all);
 * {@code exporter.readiness-requires-vault=true} makes an unreachable Vault enough to be unready. Unreachable is the
 * suite's {@link io.vaultpki.client.failure.FailureReason#vaultUnavailable()}; its label is the detail's reason.
 */
@Singleton
@Readiness
public class ExportsReadinessIndicator implements HealthIndicator {

    private final ExportRegistry exports;
    private final VaultReachability vault;
    private final boolean requireVault;
    private final Clock clock;

    public ExportsReadinessIndicator(ExportRegistry exports, VaultReachability vault, ExporterConfiguration config) {
        this.exports = exports;
        this.vault = vault;
        this.requireVault = config.readinessRequiresVault();
        this.clock = Clock.systemUTC();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(check());
    }

    HealthResult check() {
        if (!exports.isStarted()) {
            // the port is bound but the export directory is not recovered yet: nothing to serve from
            return HealthResult.builder("exports", HealthStatus.DOWN)
                    .details(Map.of("starting", "recovering the export directory")).build();
        }
        Instant now = clock.instant();
        List<ExportStatus> statuses = exports.statuses();
        List<String> invalid = statuses.stream()
                .filter(s -> s.metadata().map(m -> !now.isBefore(m.notAfter())).orElse(true))
                .map(ExportStatus::name).toList();
        VaultReachability.State state = vault.state();
        boolean vaultDown = Boolean.FALSE.equals(state.reachable());
        boolean ready = !(vaultDown && (requireVault || !invalid.isEmpty()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exports", statuses.size());
        details.put("exportsWithoutValidFiles", invalid);
        details.put("vaultReachable", state.reachable());
        if (state.reason() != null) {
            details.put("vaultUnreachableReason", state.reason().label());
        }
        return HealthResult.builder("exports", ready ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
    }
}

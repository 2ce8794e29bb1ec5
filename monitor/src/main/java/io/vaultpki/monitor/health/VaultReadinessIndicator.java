package io.vaultpki.monitor.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshError;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import jakarta.inject.Inject;
import io.micronaut.context.annotation.Context;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Readiness: the first refresh has reached Vault, and Vault is still reachable or was reached within
 * {@code monitor.health.ready-grace}. The grace keeps the monitor in the load balancer while it serves the last good
 * data through a short Vault outage; after it, the data is too old to be trusted and the probe answers 503.
 */
@Context
@Readiness
public class VaultReadinessIndicator implements HealthIndicator {

    static final String NAME = "vault";

    private final SnapshotHolder snapshots;
    private final Duration readyGrace;
    private final Clock clock;

    @Inject
    public VaultReadinessIndicator(SnapshotHolder snapshots, HealthConfiguration configuration) {
        this(snapshots, configuration.readyGrace(), Clock.systemUTC());
    }

    VaultReadinessIndicator(SnapshotHolder snapshots, Duration readyGrace, Clock clock) {
        this.snapshots = snapshots;
        this.readyGrace = readyGrace;
        this.clock = clock;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(check());
    }

    HealthResult check() {
        PkiSnapshot snapshot = snapshots.current();
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", withoutUserInfo(snapshot.vault().address()));
        details.put("readyGrace", readyGrace.toString());
        if (snapshot.isEmpty()) {
            details.put("error", "no refresh has completed yet");
            return down(details);
        }
        details.put("lastRefresh", snapshot.completedAt().toString());
        snapshot.vault().error().ifPresent(error -> details.put("error", describe(error)));
        Optional<Instant> lastSuccess = snapshot.lastSuccess();
        if (lastSuccess.isEmpty()) {
            details.putIfAbsent("error", "Vault has not been reached since start-up");
            return down(details);
        }
        Duration sinceSuccess = Duration.between(lastSuccess.get(), now);
        details.put("lastSuccess", lastSuccess.get().toString());
        details.put("secondsSinceLastSuccess", Math.max(0, sinceSuccess.toSeconds()));
        if (snapshot.vault().reachable()) {
            return up(details);
        }
        details.putIfAbsent("error", "Vault was not reachable at the last refresh");
        if (sinceSuccess.compareTo(readyGrace) <= 0) {
            // Still serving the last good data; Prometheus keeps scraping and vault_pki_up tells the story.
            details.put("servingLastGoodData", true);
            return up(details);
        }
        return down(details);
    }

    private static String describe(RefreshError error) {
        String where = error.engine().isEmpty() ? "" : " (engine " + error.engine() + ")";
        return error.reason().label() + where + ": " + error.message();
    }

    /** A Vault address could carry credentials in its user-info part; a probe must never show them. */
    static String withoutUserInfo(String address) {
        try {
            URI uri = new URI(address);
            if (uri.getRawUserInfo() == null) {
                return address;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return "(unparseable address)";
        }
    }

    private static HealthResult up(Map<String, Object> details) {
        return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
    }

    private static HealthResult down(Map<String, Object> details) {
        return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
    }
}

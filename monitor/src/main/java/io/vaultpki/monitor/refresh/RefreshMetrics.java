package io.vaultpki.monitor.refresh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The refresh's own counters and duration histogram ({@code vault_pki_refresh_errors_total},
 * {@code vault_pki_vault_requests_total}, {@code vault_pki_refresh_duration_seconds}).
 */
@Singleton
public class RefreshMetrics {

    private final MeterRegistry registry;
    private final Timer duration;

    public RefreshMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("vault.pki.refresh.duration")
                .description("Duration of the background refreshes from Vault, which run every refresh interval")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** One Vault request of the refresh, by operation and outcome. */
    public void request(String operation, boolean success) {
        Counter.builder("vault.pki.vault.requests")
                .description("Vault requests made by the background refresh, which runs every refresh interval")
                .tag("operation", operation).tag("outcome", success ? "success" : "error")
                .register(registry).increment();
    }

    /** One refresh step that failed. */
    public void error(RefreshError error) {
        Counter.builder("vault.pki.refresh.errors")
                .description("Failed steps of the background refresh, which runs every refresh interval")
                .tag("engine", error.engine()).tag("reason", error.reason().label())
                .register(registry).increment();
    }

    /** The wall time of one whole refresh. */
    public void duration(Duration elapsed) {
        duration.record(elapsed);
    }
}

package io.vaultpki.monitor.refresh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The refresh's own counters and duration histogram ({@code vault_pki_refresh_errors_total},
 * {@code vault_pki_vault_requests_total}, {@code vault_pki_refresh_duration_seconds}). Unlike the PKI families,
 * these are live: counted as each request and refresh happens, not copied from the last refresh's snapshot, and
 * their HELP texts say so.
 */
@Singleton
public class RefreshMetrics {

    /**
     * Twelve bucket bounds covering a refresh's real range, from a few requests to a small Vault (50 ms) up to a
     * first leaf pass over 100,000 certificates (about 2 minutes at 8 in flight and 5 ms each); Micrometer's
     * percentile histogram would export 69 buckets, most of them always empty.
     */
    static final Duration[] DURATION_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private final MeterRegistry registry;
    private final Timer duration;

    public RefreshMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("vault.pki.refresh.duration")
                .description("Wall time of each background refresh from Vault, recorded as it ends (successful,"
                        + " partial or failed).")
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry);
    }

    /** One Vault request of the refresh, by operation and outcome. */
    public void request(String operation, boolean success) {
        Counter.builder("vault.pki.vault.requests")
                .description("Vault requests made by the background refresh and the monitor's login, counted as"
                        + " they complete; scrapes never call Vault.")
                .tag("operation", operation).tag("outcome", success ? "success" : "error")
                .register(registry).increment();
    }

    /** One refresh step that failed. */
    public void error(RefreshError error) {
        Counter.builder("vault.pki.refresh.errors")
                .description("Failed steps of the background refresh by engine and reason (the suite's shared"
                        + " failure reasons), counted as they happen.")
                .tag("engine", error.engine()).tag("reason", error.reason().label())
                .register(registry).increment();
    }

    /** The wall time of one whole refresh. */
    public void duration(Duration elapsed) {
        duration.record(elapsed);
    }
}

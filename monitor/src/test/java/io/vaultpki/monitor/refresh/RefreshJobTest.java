package io.vaultpki.monitor.refresh;

import io.micronaut.context.ApplicationContext;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.metrics.Promtool;
import io.vaultpki.testkit.VaultSwitch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshJobTest {

    private VaultEmulator emu;
    private String token;

    @BeforeAll
    void startVault() {
        emu = VaultEmulator.builder().start();
        emu.pki().enable("job").generateRoot(IssuerSpec.named("job-root"));
        emu.policies().put("monitor", Policy.builder().path("sys/mounts", "read").path("job/*", "read", "list").build());
        token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));
    }

    @AfterAll
    void stopVault() {
        emu.close();
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("vault.address", emu.url().toString());
        settings.put("vault.token", token);
        settings.put("vault.auth.method", "token");
        settings.put("monitor.refresh.interval", "100ms");
        return settings;
    }

    @Test
    void theJobRefreshesRepeatedlyAtTheConfiguredIntervalAndExportsItsCountersAndOneTokenLookupToPrometheus() {
        try (ApplicationContext app = ApplicationContext.builder().properties(settings()).start()) {
            SnapshotHolder holder = app.getBean(SnapshotHolder.class);
            PrometheusMeterRegistry prometheus = app.getBean(PrometheusMeterRegistry.class);

            awaitTrue(() -> holder.current().engine("job/").isPresent());
            awaitTrue(() -> prometheus.get("vault.pki.refresh.duration").timer().count() >= 3);

            assertThat(holder.current().vault().reachable()).isTrue();
            String scrape = prometheus.scrape();
            assertThat(scrape)
                    .contains("vault_pki_vault_requests_total{operation=\"list_issuers\",outcome=\"success\"}")
                    // a fixed token needs no login request, and is looked up once, not once per refresh
                    .contains("vault_pki_vault_requests_total{operation=\"lookup_self\",outcome=\"success\"} 1.0")
                    .doesNotContain("vault_pki_vault_requests_total{operation=\"login\"")
                    .contains("vault_pki_refresh_duration_seconds_bucket{");
        }
    }

    @Test
    void theRefreshDurationHasTwelveExplicitBucketsAndNoLiveMetricClaimsToBeCached() throws Exception {
        try (ApplicationContext app = ApplicationContext.builder().properties(settings()).start()) {
            PrometheusMeterRegistry prometheus = app.getBean(PrometheusMeterRegistry.class);
            awaitTrue(() -> prometheus.get("vault.pki.refresh.duration").timer().count() >= 1);
            String scrape = prometheus.scrape();

            assertThat(scrape.lines().filter(l -> l.startsWith("vault_pki_refresh_duration_seconds_bucket{"))
                    .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")))
                    .containsExactly("0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "20.0", "30.0", "60.0",
                            "120.0", "+Inf");
            assertThat(scrape.lines().filter(l -> l.startsWith("# HELP vault_pki_refresh_duration_seconds ")
                    || l.startsWith("# HELP vault_pki_vault_requests_total ")
                    || l.startsWith("# HELP vault_pki_refresh_errors_total ")))
                    .hasSize(2) // no refresh error yet
                    .allSatisfy(help -> assertThat(help).doesNotContainIgnoringCase("cached"));
            Promtool.assertClean(scrape);
        }
    }

    @Test
    void withAnHourIntervalAFailedRefreshIsRetriedWithinSecondsSoABlipDoesNotLastAnHour() {
        try (VaultSwitch vault = new VaultSwitch(emu.url())) { // down: the first refresh meets no Vault
            Map<String, Object> settings = settings();
            settings.put("vault.address", vault.url().toString());
            settings.put("monitor.refresh.interval", "1h");
            try (ApplicationContext app = ApplicationContext.builder().properties(settings).start()) {
                SnapshotHolder holder = app.getBean(SnapshotHolder.class);
                awaitTrue(() -> !holder.current().isEmpty());
                assertThat(holder.current().vault().reachable()).as("the blip").isFalse();

                vault.up();
                long upAt = System.nanoTime();
                awaitTrue(() -> holder.current().vault().reachable());

                // the first retry comes within RetryAfterFailure.FIRST_RETRY_CEILING (5 s), the second within 10 s
                assertThat(Duration.ofNanos(System.nanoTime() - upAt)).isLessThan(Duration.ofSeconds(16));
                assertThat(holder.current().engine("job/")).hasValueSatisfying(e -> assertThat(e.up()).isTrue());
            }
        }
    }

    @Test
    void anInvalidRefreshSettingStopsTheStartWithAMessageNamingIt() {
        Map<String, Object> settings = settings();
        settings.put("monitor.refresh.concurrency", "0");

        assertThatThrownBy(() -> ApplicationContext.builder().properties(settings).start().close())
                .hasStackTraceContaining("monitor.refresh.concurrency");
    }

    @Test
    void theJobCanBeSwitchedOff() {
        Map<String, Object> settings = settings();
        settings.put("monitor.refresh.enabled", "false");
        try (ApplicationContext app = ApplicationContext.builder().properties(settings).start()) {
            assertThat(app.containsBean(RefreshJob.class)).isFalse();
            assertThat(app.getBean(SnapshotHolder.class).current().isEmpty()).isTrue();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}

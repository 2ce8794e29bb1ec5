package io.vaultpki.monitor.metrics;

import io.vaultpki.emulator.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.monitor.refresh.CrlInfo;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.monitor.refresh.VaultState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vaultpki.monitor.metrics.Snapshots.ADDRESS;
import static io.vaultpki.monitor.metrics.Snapshots.REFRESHED;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.failedEngine;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.leaf;
import static io.vaultpki.monitor.metrics.Snapshots.revoked;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static io.vaultpki.monitor.metrics.Snapshots.superseded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PkiMetricsCollectorTest {

    private static final String ID_A = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String ID_B = "0b1b2c3d-0000-4000-8000-000000000002";
    private static final Instant NOW = REFRESHED.plusSeconds(30);

    private final MutableClock clock = new MutableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    private SnapshotHolder holder;
    private LeafSeriesConfiguration leafSeries;
    private PrometheusMeterRegistry registry;

    @BeforeEach
    void setUp() {
        holder = new SnapshotHolder(VaultSettings.builder().address(ADDRESS).build());
        leafSeries = leafSeries(10_000, false, "7d", "30d");
        registry = null;
    }

    /** The settings as {@code monitor.leaves.*} binds them (the defaults are 10000, false, 7d and 30d). */
    private static LeafSeriesConfiguration leafSeries(int maxSeries, boolean includeSuperseded, String... windows) {
        return new LeafSeriesConfiguration(maxSeries, includeSuperseded, List.of(windows));
    }

    private Scrape scrape(PkiSnapshot snapshot) {
        holder.replace(snapshot);
        return scrape();
    }

    private Scrape scrape() {
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.getPrometheusRegistry().register(new PkiMetricsCollector(holder, ExpiryThresholds.of(Duration.ofDays(30), Duration.ofDays(7)),
                    leafSeries, new BuildInfo("1.2.3", "abc123"), Duration.ofSeconds(90), clock));
        }
        return Scrape.parse(registry.scrape());
    }

    @Test
    void compatibilitySeriesKeepsTheOriginalNameLabelsAndType() {
        Instant notAfter = NOW.plus(Duration.ofDays(10));
        Scrape scrape = scrape(snapshot(engine("team/a/pki/", List.of(issuer(ID_A, "root", notAfter)))));

        assertThat(scrape.types()).containsEntry("vault_issuer_validity_seconds", "gauge");
        assertThat(scrape.family("vault_issuer_validity_seconds")).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("engine", "team/a/pki/", "issuer", ID_A, "url", ADDRESS));
            assertThat(s.value()).isEqualTo(Duration.ofDays(10).getSeconds());
        });
        assertThat(scrape.text()).contains("vault_issuer_validity_seconds{engine=\"team/a/pki/\",issuer=\"" + ID_A
                + "\",url=\"" + ADDRESS + "\"} ");
    }

    @Test
    void validityIsComputedAtScrapeTimeNotAtRefreshTime() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "root", NOW.plusSeconds(1000))))));
        double first = scrape().value("vault_issuer_validity_seconds", "issuer", ID_A).orElseThrow();
        clock.advance(Duration.ofSeconds(250));
        double second = scrape().value("vault_issuer_validity_seconds", "issuer", ID_A).orElseThrow();

        assertThat(first).isEqualTo(1000);
        assertThat(second).isEqualTo(750);
    }

    @Test
    void anExpiredIssuerHasANegativeValidity() {
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(issuer(ID_A, "old", NOW.minusSeconds(3600))))));

        assertThat(scrape.value("vault_issuer_validity_seconds", "issuer", ID_A)).contains(-3600.0);
    }

    @Test
    void anIssuerGoneFromTheSnapshotLosesAllItsSeries() {
        Instant notAfter = NOW.plus(Duration.ofDays(100));
        scrape(snapshot(engine("pki/", List.of(issuer(ID_A, "a", notAfter), issuer(ID_B, "b", notAfter)))));
        Scrape after = scrape(snapshot(engine("pki/", List.of(issuer(ID_B, "b", notAfter)))));

        assertThat(after.samples()).noneMatch(s -> ID_A.equals(s.labels().get("issuer")));
        assertThat(after.value("vault_issuer_validity_seconds", "issuer", ID_B)).isPresent();
    }

    @Test
    void issuerTimestampsAndInfoCarryTheirLabels() {
        Instant notAfter = Instant.parse("2027-03-01T12:00:00Z");
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(issuer(ID_A, "root-2024", notAfter)))));

        assertThat(scrape.family("vault_pki_issuer_not_after_timestamp_seconds")).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("engine", "pki/", "issuer", ID_A, "issuer_name", "root-2024"));
            assertThat(s.value()).isEqualTo(notAfter.getEpochSecond());
        });
        assertThat(scrape.value("vault_pki_issuer_not_before_timestamp_seconds", "issuer", ID_A))
                .contains((double) notAfter.minus(Duration.ofDays(365)).getEpochSecond());
        assertThat(scrape.types()).containsEntry("vault_pki_issuer_info", "gauge");
        assertThat(scrape.family("vault_pki_issuer_info")).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(1);
            assertThat(s.labels()).containsEntry("engine", "pki/").containsEntry("issuer", ID_A)
                    .containsEntry("issuer_name", "root-2024").containsEntry("common_name", "CN root-2024")
                    .containsEntry("serial", "1a:2b:0a").containsEntry("key_type", "rsa")
                    .containsEntry("key_bits", "2048").containsEntry("is_default", "true")
                    .containsEntry("self_signed", "true").containsEntry("leaf_not_after_behavior", "err")
                    .hasSize(10);
        });
    }

    @Test
    void crlFamiliesArePerIssuerAndAbsentFieldsHaveNoSeries() {
        Instant thisUpdate = Instant.parse("2026-01-01T00:00:00Z");
        Instant nextUpdate = thisUpdate.plus(Duration.ofHours(72));
        CrlInfo full = new CrlInfo(ID_A, thisUpdate, Optional.of(nextUpdate), Optional.of(BigInteger.valueOf(42)),
                3, 1234);
        CrlInfo bare = new CrlInfo(ID_B, thisUpdate, Optional.empty(), Optional.empty(), 0, 500);
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW), issuer(ID_B, "b", NOW)),
                List.of(full, bare), List.of(), false)));

        assertThat(scrape.family("vault_pki_crl_next_update_timestamp_seconds")).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("engine", "pki/", "issuer", ID_A));
            assertThat(s.value()).isEqualTo(nextUpdate.getEpochSecond());
        });
        assertThat(scrape.value("vault_pki_crl_this_update_timestamp_seconds", "issuer", ID_B))
                .contains((double) thisUpdate.getEpochSecond());
        assertThat(scrape.family("vault_pki_crl_number")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(42));
        assertThat(scrape.value("vault_pki_crl_revoked_certificates", "issuer", ID_A)).contains(3.0);
        assertThat(scrape.value("vault_pki_crl_size_bytes", "issuer", ID_B)).contains(500.0);
    }

    @Test
    void leafSeriesSkipRevokedExpiredAndSupersededCertificates() {
        Instant soon = NOW.plus(Duration.ofDays(5));
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(), List.of(), List.of(
                leaf("01:01", "a.example.com", soon),
                revoked("02:02", "b.example.com", soon),
                leaf("03:03", "c.example.com", NOW.minusSeconds(1)),
                superseded("04:04", "a.example.com", NOW.plus(Duration.ofDays(1)))), true)));

        assertThat(scrape.family("vault_pki_certificate_not_after_timestamp_seconds")).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("engine", "pki/", "issuer", "issuer-1", "serial", "01:01",
                    "common_name", "a.example.com"));
            assertThat(s.value()).isEqualTo(soon.getEpochSecond());
        });
        assertThat(scrape.value("vault_pki_certificates", "state", "valid")).contains(1.0);
        assertThat(scrape.value("vault_pki_certificates", "state", "revoked")).contains(1.0);
        assertThat(scrape.value("vault_pki_certificates", "state", "expired")).contains(1.0);
        assertThat(scrape.value("vault_pki_certificates", "state", "superseded")).contains(1.0);
        assertThat(scrape.value("vault_pki_certificate_series_omitted", "engine", "pki/")).contains(0.0);
    }

    @Test
    void supersededCertificatesGetSeriesWhenTheSettingIncludesThem() {
        leafSeries = leafSeries(10_000, true, "7d", "30d");
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(), List.of(), List.of(
                leaf("01:01", "a.example.com", NOW.plus(Duration.ofDays(5))),
                superseded("04:04", "a.example.com", NOW.plus(Duration.ofDays(1)))), true)));

        assertThat(scrape.family("vault_pki_certificate_not_after_timestamp_seconds"))
                .extracting(s -> s.labels().get("serial")).containsExactlyInAnyOrder("01:01", "04:04");
    }

    @Test
    void aLeafExpiringBetweenTwoScrapesChangesStateAtScrapeTime() {
        holder.replace(snapshot(engine("pki/", List.of(), List.of(), List.of(
                leaf("01:01", "a.example.com", NOW.plusSeconds(60))), true)));
        assertThat(scrape().value("vault_pki_certificates", "state", "valid")).contains(1.0);
        clock.advance(Duration.ofSeconds(61));
        Scrape later = scrape();

        assertThat(later.value("vault_pki_certificates", "state", "valid")).contains(0.0);
        assertThat(later.value("vault_pki_certificates", "state", "expired")).contains(1.0);
        assertThat(later.family("vault_pki_certificate_not_after_timestamp_seconds")).isEmpty();
    }

    @Test
    void expiringWindowsAreCumulativeAndCountOnlyValidCertificates() {
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(), List.of(), List.of(
                leaf("01", "a", NOW.plus(Duration.ofDays(3))),
                leaf("02", "b", NOW.plus(Duration.ofDays(20))),
                leaf("03", "c", NOW.plus(Duration.ofDays(60))),
                revoked("04", "d", NOW.plus(Duration.ofDays(3))),
                superseded("05", "a", NOW.plus(Duration.ofDays(2))),
                leaf("06", "e", NOW.minusSeconds(10))), true)));

        assertThat(scrape.family("vault_pki_certificates_expiring")).hasSize(2);
        assertThat(scrape.value("vault_pki_certificates_expiring", "engine", "pki/", "window", "7d")).contains(1.0);
        assertThat(scrape.value("vault_pki_certificates_expiring", "engine", "pki/", "window", "30d")).contains(2.0);
    }

    @Test
    void configuredWindowsBecomeTheWindowLabels() {
        leafSeries = leafSeries(10_000, false, "12h", "14d");
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(), List.of(), List.of(
                leaf("01", "a", NOW.plus(Duration.ofHours(6)))), true)));

        assertThat(scrape.family("vault_pki_certificates_expiring")).extracting(s -> s.labels().get("window"))
                .containsExactlyInAnyOrder("12h", "14d");
    }

    @Test
    void theCapKeepsTheSoonestExpiringSeriesAndCountsTheRestPerEngine() {
        leafSeries = leafSeries(3, false, "7d", "30d");
        List<io.vaultpki.monitor.refresh.LeafCertificate> first = new ArrayList<>();
        List<io.vaultpki.monitor.refresh.LeafCertificate> second = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            first.add(leaf("a:0" + day, "a" + day, NOW.plus(Duration.ofDays(day * 2L))));
            second.add(leaf("b:0" + day, "b" + day, NOW.plus(Duration.ofDays(day * 2L + 1))));
        }
        Scrape scrape = scrape(snapshot(engine("one/", List.of(), List.of(), first, true),
                engine("two/", List.of(), List.of(), second, true)));

        assertThat(scrape.family("vault_pki_certificate_not_after_timestamp_seconds"))
                .extracting(s -> s.labels().get("serial")).containsExactlyInAnyOrder("a:01", "b:01", "a:02");
        assertThat(scrape.value("vault_pki_certificate_series_omitted", "engine", "one/")).contains(2.0);
        assertThat(scrape.value("vault_pki_certificate_series_omitted", "engine", "two/")).contains(3.0);
        assertThat(scrape.value("vault_pki_certificates", "engine", "two/", "state", "valid")).contains(4.0);
    }

    @Test
    void enginesWithoutLeafCollectionHaveNoLeafFamilies() {
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW.plusSeconds(99))))));

        assertThat(scrape.samples()).noneMatch(s -> s.name().startsWith("vault_pki_certificate"));
    }

    @Test
    void monitorFamiliesDescribeVaultTheEnginesAndTheMonitor() {
        Instant tokenExpiry = NOW.plus(Duration.ofHours(1));
        Scrape scrape = scrape(snapshot(Snapshots.reachableVault(Optional.of(tokenExpiry)),
                engine("pki/", List.of()), failedEngine("broken/", List.of())));

        assertThat(scrape.value("vault_pki_monitor_up")).contains(1.0);
        assertThat(scrape.value("vault_pki_vault_sealed")).contains(0.0);
        assertThat(scrape.value("vault_pki_engine_up", "engine", "pki/")).contains(1.0);
        assertThat(scrape.value("vault_pki_engine_up", "engine", "broken/")).contains(0.0);
        assertThat(scrape.value("vault_pki_last_refresh_success_timestamp_seconds"))
                .contains((double) REFRESHED.getEpochSecond());
        assertThat(scrape.value("vault_pki_engine_last_refresh_success_timestamp_seconds", "engine", "pki/"))
                .contains((double) REFRESHED.getEpochSecond());
        assertThat(scrape.value("vault_pki_engine_last_refresh_success_timestamp_seconds", "engine", "broken/"))
                .isEmpty();
        assertThat(scrape.value("vault_pki_token_expiry_timestamp_seconds"))
                .contains((double) tokenExpiry.getEpochSecond());
        assertThat(scrape.value("vault_pki_monitor_threshold_seconds", "level", "warning"))
                .contains((double) Duration.ofDays(30).getSeconds());
        assertThat(scrape.value("vault_pki_monitor_threshold_seconds", "level", "critical"))
                .contains((double) Duration.ofDays(7).getSeconds());
        assertThat(scrape.value("vault_pki_monitor_refresh_interval_seconds")).contains(90.0);
        assertThat(scrape.family("vault_pki_monitor_build_info")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("version", "1.2.3", "revision", "abc123")));
    }

    @Test
    void beforeTheFirstRefreshTheMonitorIsDownAndUnknownsAreAbsent() {
        Scrape scrape = scrape(PkiSnapshot.empty(ADDRESS));

        assertThat(scrape.value("vault_pki_monitor_up")).contains(0.0);
        assertThat(scrape.family("vault_pki_vault_sealed")).isEmpty();
        assertThat(scrape.family("vault_pki_last_refresh_success_timestamp_seconds")).isEmpty();
        assertThat(scrape.family("vault_pki_token_expiry_timestamp_seconds")).isEmpty();
        assertThat(scrape.family("vault_issuer_validity_seconds")).isEmpty();
    }

    @Test
    void aNonExpiringTokenHasNoExpirySeries() {
        Scrape scrape = scrape(snapshot(Snapshots.reachableVault(Optional.empty())));

        assertThat(scrape.family("vault_pki_token_expiry_timestamp_seconds")).isEmpty();
        assertThat(scrape.value("vault_pki_monitor_up")).contains(1.0);
    }

    @Test
    void aSealedVaultIsReported() {
        VaultState sealed = new VaultState(ADDRESS, false, Optional.of(true), Optional.of(true), Optional.of(false),
                "1.17.2", "approle", Optional.empty(), Optional.empty());
        Scrape scrape = scrape(snapshot(sealed));

        assertThat(scrape.value("vault_pki_vault_sealed")).contains(1.0);
        assertThat(scrape.value("vault_pki_monitor_up")).contains(0.0);
    }

    @Test
    void everyHelpOfDataFromTheRefreshSaysSoAndConfigurationFamiliesDoNotClaimIt() {
        scrape(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW.plusSeconds(5))), List.of(), List.of(
                leaf("01", "a", NOW.plusSeconds(50))), true)));
        String text = registry.scrape();
        List<String> configuration = List.of("# HELP vault_pki_monitor_threshold_seconds ",
                "# HELP vault_pki_monitor_refresh_interval_seconds ", "# HELP vault_pki_monitor_build_info ");

        assertThat(text.lines().filter(l -> l.startsWith("# HELP vault_"))
                .filter(l -> configuration.stream().noneMatch(l::startsWith)))
                .hasSizeGreaterThan(10)
                .allSatisfy(help -> assertThat(help).endsWith(" From the data of the last refresh (every 1m30s,"
                        + " sooner after a failed one); a scrape never calls Vault."));
        assertThat(text.lines().filter(l -> configuration.stream().anyMatch(l::startsWith)))
                .hasSize(3)
                .allSatisfy(help -> assertThat(help).doesNotContainIgnoringCase("cached")
                        .doesNotContain("last refresh"));
    }

    @Test
    void subSecondValidityIsKept() {
        Scrape scrape = scrape(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW.plusMillis(1500))))));

        assertThat(scrape.value("vault_issuer_validity_seconds", "issuer", ID_A).orElseThrow())
                .isCloseTo(1.5, within(1e-9));
    }

    @Test
    void thresholdsRejectACriticalThresholdThatIsNotShorterThanWarning() {
        assertThatThrownBy(() -> ExpiryThresholds.of(Duration.ofDays(7), Duration.ofDays(7)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("monitor.thresholds.critical");
        assertThat(ExpiryThresholds.of(Duration.ofDays(10), Duration.ofDays(2)).critical())
                .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void windowLabelsUseTheLargestWholeUnit() {
        assertThat(WindowLabel.of(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(WindowLabel.of(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(WindowLabel.of(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(WindowLabel.of(Duration.ofSeconds(45))).isEqualTo("45s");
    }
}

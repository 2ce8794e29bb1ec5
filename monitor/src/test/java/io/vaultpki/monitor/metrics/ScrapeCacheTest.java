package io.vaultpki.monitor.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.emulator.MutableClock;
import io.vaultpki.monitor.metrics.exposition.Body;
import io.vaultpki.monitor.metrics.exposition.ExpositionFormat;
import io.vaultpki.monitor.refresh.CrlInfo;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static io.vaultpki.monitor.metrics.Snapshots.ADDRESS;
import static io.vaultpki.monitor.metrics.Snapshots.REFRESHED;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.leaf;
import static io.vaultpki.monitor.metrics.Snapshots.revoked;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static io.vaultpki.monitor.metrics.Snapshots.superseded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cached body of {@code /metrics} without HTTP: exact to the second, invalidated by a new snapshot, equal to a
 * fresh rendering, and rendered no more often than its inputs change.
 */
class ScrapeCacheTest {

    private static final String ID_A = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String ID_B = "0b1b2c3d-0000-4000-8000-000000000002";
    /** A whole second, as the clock of a scrape rarely is. */
    private static final Instant NOW = REFRESHED.plusSeconds(30);
    private static final String METERS = "# HELP jvm_threads_live_threads Live threads.\n"
            + "# TYPE jvm_threads_live_threads gauge\njvm_threads_live_threads 12.0\n";

    private final MutableClock clock = new MutableClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final AtomicInteger meterRenders = new AtomicInteger();
    private final AtomicInteger issuerRenders = new AtomicInteger();
    private final AtomicInteger crlRenders = new AtomicInteger();
    private final AtomicInteger healthRenders = new AtomicInteger();
    private SnapshotHolder holder;
    private PkiFamilies families;
    private ScrapeCache cache;

    @BeforeEach
    void setUp() {
        holder = new SnapshotHolder(VaultSettings.builder().address(ADDRESS).build());
        families = new PkiFamilies(ExpiryThresholds.of(Duration.ofDays(30), Duration.ofDays(7)),
                new LeafSeriesConfiguration(10_000, false, List.of("7d", "30d")), new BuildInfo("1.2.3", "abc"),
                Duration.ofSeconds(60)) {
            @Override
            public MetricSnapshots issuers(PkiSnapshot snapshot) {
                issuerRenders.incrementAndGet();
                return super.issuers(snapshot);
            }

            @Override
            public MetricSnapshots crls(PkiSnapshot snapshot) {
                crlRenders.incrementAndGet();
                return super.crls(snapshot);
            }

            @Override
            public MetricSnapshots health(PkiSnapshot snapshot) {
                healthRenders.incrementAndGet();
                return super.health(snapshot);
            }
        };
        cache = new ScrapeCache(holder, families, format -> {
            meterRenders.incrementAndGet();
            return format.piece(METERS.getBytes(StandardCharsets.UTF_8));
        }, clock);
    }

    private Scrape scrape() {
        return Scrape.parse(new String(cache.body(ExpositionFormat.PROMETHEUS_TEXT).identity(),
                StandardCharsets.UTF_8));
    }

    private static CrlInfo crl(String issuer, int number) {
        return new CrlInfo(issuer, REFRESHED, Optional.of(REFRESHED.plus(Duration.ofDays(3))),
                Optional.of(BigInteger.valueOf(number)), 0, 800);
    }

    @Test
    void theCompatibilityCountdownReadAtSecondTIsNotAfterMinusTWithinOneSecond() {
        Instant notAfter = NOW.plus(Duration.ofDays(10)).plusMillis(250);
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "root", notAfter)))));

        for (long millis : new long[] {0, 1, 300, 999, 1000, 1001, 1750, 61_999, 3_600_000}) {
            clock.advance(Duration.ofMillis(millis).minus(clock.offset()));
            Instant t = clock.instant();
            double value = scrape().value("vault_issuer_validity_seconds", "issuer", ID_A).orElseThrow();
            double exact = RefreshNote.seconds(notAfter) - RefreshNote.seconds(t);

            assertThat(value).as("at %s", t).isBetween(exact - 1, exact);
        }
    }

    @Test
    void withinOneSecondEveryScrapeGetsTheSameBytesAndTheNextSecondNewOnes() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "root", NOW.plusSeconds(100))))));
        Body first = cache.body(ExpositionFormat.PROMETHEUS_TEXT);
        clock.advance(Duration.ofMillis(999));
        Body sameSecond = cache.body(ExpositionFormat.PROMETHEUS_TEXT);
        clock.advance(Duration.ofMillis(1));
        Body nextSecond = cache.body(ExpositionFormat.PROMETHEUS_TEXT);

        assertThat(sameSecond).isSameAs(first);
        assertThat(sameSecond.gzip()).isSameAs(first.gzip());
        assertThat(nextSecond).isNotSameAs(first);
        assertThat(Scrape.parse(new String(nextSecond.identity(), StandardCharsets.UTF_8))
                .value("vault_issuer_validity_seconds", "issuer", ID_A)).contains(98.0);
    }

    @Test
    void aNewSnapshotIsServedByTheVeryNextScrape() {
        Instant notAfter = NOW.plus(Duration.ofDays(100));
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", notAfter), issuer(ID_B, "b", notAfter)),
                List.of(crl(ID_A, 1)), List.of(), false)));
        assertThat(scrape().value("vault_pki_crl_number", "issuer", ID_A)).contains(1.0);

        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_B, "b", notAfter)), List.of(crl(ID_B, 7)),
                List.of(), false)));
        Scrape after = scrape();

        assertThat(after.samples()).noneMatch(s -> ID_A.equals(s.labels().get("issuer")));
        assertThat(after.value("vault_issuer_validity_seconds", "issuer", ID_B)).isPresent();
        assertThat(after.value("vault_pki_crl_number", "issuer", ID_B)).contains(7.0);
    }

    @Test
    void aRefreshThatFoundNothingNewRendersOnlyTheMonitorStateAgain() {
        Instant notAfter = NOW.plus(Duration.ofDays(100));
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", notAfter)), List.of(crl(ID_A, 1)),
                List.of(), false)));
        scrape();
        // the same data with a later refresh time, in new objects, as the next refresh publishes it
        PkiSnapshot later = new PkiSnapshot(REFRESHED.plusSeconds(58), REFRESHED.plusSeconds(60),
                Snapshots.reachableVault(Optional.empty()), List.of(engine("pki/",
                List.of(issuer(ID_A, "a", notAfter)), List.of(crl(ID_A, 1)), List.of(), false)),
                Optional.of(REFRESHED.plusSeconds(60)));
        holder.replace(later);
        Scrape after = scrape();

        assertThat(issuerRenders).hasValue(1);
        assertThat(crlRenders).hasValue(1);
        assertThat(after.value("vault_pki_last_refresh_success_timestamp_seconds"))
                .contains((double) REFRESHED.plusSeconds(60).getEpochSecond());
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "renamed", notAfter)), List.of(crl(ID_A, 1)),
                List.of(), false)));
        assertThat(scrape().family("vault_pki_issuer_info")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("issuer_name", "renamed"));
        assertThat(issuerRenders).hasValue(2);
        assertThat(crlRenders).hasValue(1);
    }

    @Test
    void aHealthRunThatFoundWhatTheLastOneFoundRendersOnlyItsTimestampAgain() {
        Instant notAfter = NOW.plus(Duration.ofDays(100));
        CheckResult ok = Snapshots.result("pki/", "crl_validity_period", CheckStatus.OK, "config/crl", "fine");
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", notAfter)))
                .withHealth(Snapshots.health(REFRESHED, ok))));
        scrape();

        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", notAfter)))
                .withHealth(Snapshots.health(REFRESHED.plusSeconds(600), ok))));
        Scrape sameResults = scrape();

        assertThat(healthRenders).hasValue(1);
        assertThat(sameResults.value("vault_pki_health_check_last_run_timestamp_seconds", "engine", "pki/"))
                .contains((double) REFRESHED.plusSeconds(600).getEpochSecond());
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", notAfter))).withHealth(Snapshots.health(
                REFRESHED.plusSeconds(1200), Snapshots.result("pki/", "crl_validity_period", CheckStatus.WARNING,
                        "config/crl", "short")))));
        assertThat(scrape().value("vault_pki_health_check_status", "status", "warning")).contains(1.0);
        assertThat(healthRenders).hasValue(2);
    }

    @Test
    void micrometerMetersAreRenderedAtMostOncePerSecondAndFormat() {
        for (int i = 0; i < 5; i++) {
            cache.body(ExpositionFormat.PROMETHEUS_TEXT).gzip();
            cache.body(ExpositionFormat.OPENMETRICS).identity();
        }
        assertThat(meterRenders).hasValue(2);
        clock.advance(Duration.ofSeconds(1));
        cache.body(ExpositionFormat.PROMETHEUS_TEXT);

        assertThat(meterRenders).hasValue(3);
        assertThat(scrape().value("jvm_threads_live_threads")).contains(12.0);
    }

    @Test
    void aLeafExpiringBetweenTwoScrapesChangesStateWithinASecond() {
        holder.replace(snapshot(engine("pki/", List.of(), List.of(), List.of(
                leaf("01:01", "a.example.com", NOW.plusMillis(60_500)),
                leaf("02:02", "b.example.com", NOW.plus(Duration.ofDays(7)).plusSeconds(90))), true)));
        assertThat(scrape().value("vault_pki_certificates", "state", "valid")).contains(2.0);
        assertThat(scrape().value("vault_pki_certificates_expiring", "window", "7d")).contains(1.0);

        clock.advance(Duration.ofSeconds(59));
        assertThat(scrape().value("vault_pki_certificates", "state", "expired")).contains(0.0);
        clock.advance(Duration.ofMillis(1400)); // 60.4 s: within a second of the expiry at 60.5 s
        Scrape expired = scrape();
        assertThat(expired.value("vault_pki_certificates", "state", "expired")).contains(1.0);
        assertThat(expired.family("vault_pki_certificate_not_after_timestamp_seconds"))
                .extracting(s -> s.labels().get("serial")).containsExactly("02:02");
        assertThat(expired.value("vault_pki_certificates_expiring", "window", "7d")).contains(0.0);

        clock.advance(Duration.ofSeconds(30)); // 90.4 s: b enters the 7d window at 90 s
        assertThat(scrape().value("vault_pki_certificates_expiring", "window", "7d")).contains(1.0);
    }

    @Test
    void whenTheClockGoesBackTheLeafFamiliesFollowIt() {
        holder.replace(snapshot(engine("pki/", List.of(), List.of(), List.of(
                leaf("01:01", "a.example.com", NOW.plusSeconds(10))), true)));
        clock.advance(Duration.ofSeconds(20));
        assertThat(scrape().value("vault_pki_certificates", "state", "expired")).contains(1.0);
        clock.advance(Duration.ofSeconds(-20));

        assertThat(scrape().value("vault_pki_certificates", "state", "valid")).contains(1.0);
    }

    @Test
    void theCachedBodyHasTheLinesOfAFreshRenderingAsOfTheEndOfTheSecond() throws IOException {
        Instant notAfter = NOW.plus(Duration.ofDays(40)).plusMillis(123);
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", notAfter), issuer(ID_B, "b", notAfter)),
                List.of(crl(ID_A, 3)), List.of(leaf("01", "a", NOW.plus(Duration.ofDays(3))),
                        revoked("02", "b", NOW.plus(Duration.ofDays(3))),
                        superseded("03", "a", NOW.plus(Duration.ofDays(2)))), true)));
        clock.advance(Duration.ofMillis(400));
        Set<String> cached = new String(cache.body(ExpositionFormat.PROMETHEUS_TEXT).identity(),
                StandardCharsets.UTF_8).lines().collect(Collectors.toSet());

        MetricSnapshots fresh = new PkiMetricsCollector(holder, ExpiryThresholds.of(Duration.ofDays(30),
                Duration.ofDays(7)), new LeafSeriesConfiguration(10_000, false, List.of("7d", "30d")),
                new BuildInfo("1.2.3", "abc"), Duration.ofSeconds(60), Clock.fixed(NOW.plusSeconds(1),
                ZoneOffset.UTC)).collect();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, fresh);
        Set<String> expected = out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toSet());
        expected.addAll(METERS.lines().toList());

        assertThat(cached).isEqualTo(expected);
    }

    @Test
    void bothFormatsAndBothEncodingsCarryTheSameSamples() throws IOException {
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW.plus(Duration.ofDays(5)))),
                List.of(crl(ID_A, 3)), List.of(leaf("01", "a", NOW.plus(Duration.ofDays(3)))), true)));
        Body text = cache.body(ExpositionFormat.PROMETHEUS_TEXT);
        Body openMetrics = cache.body(ExpositionFormat.OPENMETRICS);

        assertThat(gunzip(text.gzip())).isEqualTo(text.identity());
        assertThat(gunzip(openMetrics.gzip())).isEqualTo(openMetrics.identity());
        String om = new String(openMetrics.identity(), StandardCharsets.UTF_8);
        assertThat(om).endsWith("# EOF\n").containsOnlyOnce("# EOF");
        assertThat(Scrape.parse(new String(text.identity(), StandardCharsets.UTF_8))
                .value("vault_issuer_validity_seconds", "issuer", ID_A))
                .isEqualTo(Scrape.parse(om.replace("# EOF\n", "")).value("vault_issuer_validity_seconds",
                        "issuer", ID_A));
    }

    @Test
    void concurrentScrapersShareOneBodyPerSecondAndFormat() throws Exception {
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW.plus(Duration.ofDays(5)))),
                List.of(crl(ID_A, 3)), List.of(), false)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<Body>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                ExpositionFormat format = ExpositionFormat.values()[t % 2];
                results.add(pool.submit(() -> {
                    Set<Body> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                    for (int i = 0; i < 200; i++) {
                        Body body = cache.body(format);
                        body.gzip();
                        seen.add(body);
                    }
                    return seen;
                }));
            }
            Set<Body> all = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Set<Body>> result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(all).hasSize(2);
            assertThat(meterRenders).hasValue(2);
            assertThat(issuerRenders).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noFamilyIsPrintedTwice() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW.plus(Duration.ofDays(5)))),
                List.of(crl(ID_A, 3)), List.of(leaf("01", "a", NOW.plus(Duration.ofDays(3)))), true),
                engine("two/", List.of(issuer(ID_B, "b", NOW.plus(Duration.ofDays(5)))))));
        for (ExpositionFormat format : ExpositionFormat.values()) {
            List<String> types = new String(cache.body(format).identity(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("# TYPE ")).toList();

            assertThat(types).as(format.name()).doesNotHaveDuplicates().hasSizeGreaterThan(15);
        }
    }

    @Test
    void theCachedPrometheusTextIsPromtoolClean() throws IOException, InterruptedException {
        holder.replace(snapshot(engine("pki/", List.of(issuer(ID_A, "a", NOW.plus(Duration.ofDays(5)))),
                List.of(crl(ID_A, 3)), List.of(leaf("01", "a", NOW.plus(Duration.ofDays(3))),
                        revoked("02", "b", NOW.plus(Duration.ofDays(3)))), true)));

        Promtool.assertClean(new String(gunzip(cache.body(ExpositionFormat.PROMETHEUS_TEXT).gzip()),
                StandardCharsets.UTF_8));
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}

package io.vaultpki.exporter.renewal;

import io.vaultpki.client.cert.KeyType;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RenewalPolicyTest {

    private static final Instant NOT_BEFORE = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final ExportSpec SPEC = ExportSpec.builder("web", Source.ISSUE).mount("pki").role("web")
            .commonName("web.example.com").build();

    private static ParsedCertificate cert(Duration lifetime) {
        return new ParsedCertificate(null, "CN=web.example.com", "web.example.com", List.of(), "CN=CA", List.of(),
                List.of(), List.of(), List.of(), "01", NOT_BEFORE, NOT_BEFORE.plus(lifetime), KeyType.EC, 256, false,
                false, "");
    }

    /** The defaults of the design; {@link RenewalSettingsTest} shows they are what the exporter binds. */
    static final RenewalSettings DEFAULTS = new RenewalSettings(33, 5, Duration.ofMinutes(30), Duration.ofMinutes(5),
            Duration.ofSeconds(10), Duration.ofMinutes(5), RenewalSettings.DEFAULT_WINDOW_FLOOR_PERCENT);

    private static RenewalSettings settings(int percent, int jitter, Duration jitterCap) {
        RenewalSettings d = DEFAULTS;
        return new RenewalSettings(percent, jitter, jitterCap, d.minIssuanceInterval(), d.retryInitial(), d.retryMax(),
                d.windowFloorPercent());
    }

    private static RenewalPolicy noJitter() {
        return new RenewalPolicy(settings(33, 0, Duration.ofMinutes(30)), new Random(1));
    }

    @Test
    void renewsAtTwoThirdsOfTheActualLifetimeWithoutJitter() {
        RenewalPlan plan = noJitter().plan(SPEC, cert(Duration.ofHours(300)));

        // 33% of 300 h = 99 h before notAfter, i.e. after 201 h
        assertThat(plan.renewAt()).isEqualTo(NOT_BEFORE.plus(Duration.ofHours(201)));
        assertThat(plan.lifetimeShortened()).isFalse();
        assertThat(plan.issuedLifetime()).isEqualTo(Duration.ofHours(300));
    }

    @Test
    void usesTheActualLifetimeNotTheRequestedTtl() {
        ExportSpec asked30Days = SPEC.toBuilder().ttl(Duration.ofDays(30)).build();

        RenewalPlan plan = noJitter().plan(asked30Days, cert(Duration.ofHours(30)));

        assertThat(plan.renewAt()).isEqualTo(NOT_BEFORE.plus(Duration.ofMinutes(30 * 60 * 67 / 100)));
    }

    @Test
    void fixedRenewBeforeWindowIsMeasuredFromNotAfter() {
        ExportSpec spec = SPEC.toBuilder().renewBefore(Duration.ofDays(2)).build();

        RenewalPlan plan = noJitter().plan(spec, cert(Duration.ofDays(10)));

        assertThat(plan.renewAt()).isEqualTo(NOT_BEFORE.plus(Duration.ofDays(8)));
        assertThat(plan.lifetimeShortened()).isFalse();
    }

    @Test
    void loopGuardRenewsAtTwoThirdsWhenVaultIssuedLessThanTheRenewBeforeWindow() {
        // asked renew-before 24h, but the role's max TTL capped the certificate at 20h
        ExportSpec spec = SPEC.toBuilder().renewBefore(DAY).build();

        RenewalPlan plan = noJitter().plan(spec, cert(Duration.ofHours(20)));

        assertThat(plan.lifetimeShortened()).isTrue();
        assertThat(plan.renewAt()).isEqualTo(NOT_BEFORE.plus(Duration.ofHours(20)).minus(Duration.ofMinutes(400)));
    }

    @Test
    void loopGuardTriggersAtNinetyPercentOfTheLifetime() {
        RenewalPolicy policy = noJitter();

        assertThat(policy.plan(SPEC.toBuilder().renewBefore(Duration.ofHours(9)).build(), cert(Duration.ofHours(10)))
                .lifetimeShortened()).isTrue();
        assertThat(policy.plan(SPEC.toBuilder().renewBefore(Duration.ofMinutes(539)).build(), cert(Duration.ofHours(10)))
                .lifetimeShortened()).isFalse();
    }

    @Test
    void jitterOnlyMovesRenewalEarlierAndStaysWithinFivePercentOfTheLifetime() {
        RenewalPolicy policy = new RenewalPolicy(settings(33, 5, Duration.ofMinutes(30)), new Random(42));
        Duration lifetime = Duration.ofHours(10);
        Instant unjittered = noJitter().plan(SPEC, cert(lifetime)).renewAt();
        Instant earliest = unjittered.minus(Duration.ofMinutes(30));

        Duration spread = Duration.ZERO;
        for (int i = 0; i < 10_000; i++) {
            Instant renewAt = policy.plan(SPEC, cert(lifetime)).renewAt();
            assertThat(renewAt).isBetween(earliest, unjittered);
            spread = spread.compareTo(Duration.between(renewAt, unjittered)) > 0 ? spread : Duration.between(renewAt, unjittered);
        }
        // the samples actually use the range (5% of 10 h = 30 min)
        assertThat(spread).isGreaterThan(Duration.ofMinutes(25));
    }

    @Test
    void jitterIsCappedForLongLifetimes() {
        RenewalPolicy policy = new RenewalPolicy(settings(33, 5, Duration.ofMinutes(30)), new Random(7));
        Duration lifetime = Duration.ofDays(365);
        Instant unjittered = noJitter().plan(SPEC, cert(lifetime)).renewAt();

        for (int i = 0; i < 10_000; i++) {
            assertThat(policy.plan(SPEC, cert(lifetime)).renewAt())
                    .isBetween(unjittered.minus(Duration.ofMinutes(30)), unjittered);
        }
    }

    @Test
    void minIssuanceIntervalIsFiveMinutesOrATenthOfShortLifetimes() {
        RenewalPolicy policy = noJitter();

        assertThat(policy.minIssuanceInterval(DAY)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.minIssuanceInterval(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void retryDelayNeverExceedsTheDoublingBoundOrTheCap() {
        RenewalPolicy policy = new RenewalPolicy(DEFAULTS, new Random(3));
        Instant now = NOT_BEFORE;

        for (int failures = 1; failures <= 70; failures++) {
            Duration bound = Duration.ofSeconds(10).multipliedBy(1L << Math.min(failures - 1, 20));
            Duration cap = bound.compareTo(Duration.ofMinutes(5)) < 0 ? bound : Duration.ofMinutes(5);
            for (int i = 0; i < 200; i++) {
                assertThat(policy.retryDelay(failures, now, null)).isBetween(Duration.ofSeconds(1), cap);
            }
        }
    }

    @Test
    void retryDelayGrowsWithConsecutiveFailures() {
        RenewalPolicy policy = new RenewalPolicy(DEFAULTS, new Random(5));

        assertThat(maxOf(policy, 1)).isLessThanOrEqualTo(Duration.ofSeconds(10)).isGreaterThan(Duration.ofSeconds(8));
        assertThat(maxOf(policy, 3)).isLessThanOrEqualTo(Duration.ofSeconds(40)).isGreaterThan(Duration.ofSeconds(32));
        assertThat(maxOf(policy, 10)).isLessThanOrEqualTo(Duration.ofMinutes(5)).isGreaterThan(Duration.ofMinutes(4));
    }

    private static Duration maxOf(RenewalPolicy policy, int failures) {
        Duration max = Duration.ZERO;
        for (int i = 0; i < 2_000; i++) {
            Duration d = policy.retryDelay(failures, NOT_BEFORE, null);
            max = d.compareTo(max) > 0 ? d : max;
        }
        return max;
    }

    @Test
    void retryDelayIsAtMostATenthOfTheRemainingValidity() {
        RenewalPolicy policy = new RenewalPolicy(DEFAULTS, new Random(9));
        Instant now = NOT_BEFORE;
        Instant notAfter = now.plus(Duration.ofMinutes(10));

        for (int i = 0; i < 2_000; i++) {
            assertThat(policy.retryDelay(8, now, notAfter)).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
        }
    }

    @Test
    void retryDelayIsNeverBelowOneSecondEvenJustBeforeExpiry() {
        RenewalPolicy policy = new RenewalPolicy(DEFAULTS, new Random(11));
        Instant now = NOT_BEFORE;

        for (int i = 0; i < 2_000; i++) {
            assertThat(policy.retryDelay(4, now, now.plusMillis(500))).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void retryContinuesAtTheCapPastExpiry() {
        RenewalPolicy policy = new RenewalPolicy(DEFAULTS, new Random(13));
        Instant now = NOT_BEFORE;

        assertThat(maxOfExpired(policy, now)).isGreaterThan(Duration.ofMinutes(4)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    private static Duration maxOfExpired(RenewalPolicy policy, Instant now) {
        Duration max = Duration.ZERO;
        for (int i = 0; i < 2_000; i++) {
            Duration d = policy.retryDelay(1_000, now, now.minus(DAY));
            max = d.compareTo(max) > 0 ? d : max;
        }
        return max;
    }
}

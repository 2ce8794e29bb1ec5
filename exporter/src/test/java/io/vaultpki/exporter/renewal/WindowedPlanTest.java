package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import io.vaultpki.exporter.window.RenewWindow;
import io.vaultpki.exporter.window.WindowPlacement;
import io.vaultpki.exporter.window.WindowPlacement.Decision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renew-window rules as pure functions of the spec, the files on disk and the wanted instant: no clock, no sleep.
 * 2030-01-07 is a Monday.
 */
class WindowedPlanTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration DAY = Duration.ofDays(1);
    private static final ExportSpec WEB = ExportSpec.builder("web", Source.ISSUE).mount("pki").role("web")
            .commonName("web.example.com").renewWindow(RenewWindow.parse("Mon-Fri 02:00-04:00 Europe/Berlin")).build();

    private static final WindowedPlan NO_SPREAD = plan(0);
    private static final WindowedPlan SPREAD = plan(5);

    private static WindowedPlan plan(int jitterPercent) {
        return new WindowedPlan(new RenewalSettings(33, jitterPercent, Duration.ofMinutes(30), Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofMinutes(5), 10));
    }

    private static Instant berlin(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), BERLIN).toInstant();
    }

    /** Files made from {@code spec}, valid from {@code notBefore} for {@code lifetime}. */
    static ExportMetadata files(ExportSpec spec, Instant notBefore, Duration lifetime) {
        return new ExportMetadata(spec.name(), spec.source().wire(), spec.mount(), spec.role(), null, "01",
                "CN=" + spec.commonName(), spec.commonName(), List.of(), List.of(), List.of(), notBefore,
                notBefore.plus(lifetime), "CN=CA", null, lifetime.toSeconds(), null, false, spec.specHash(),
                "..v", notBefore, Map.of());
    }

    @Test
    void aPlanInsideTheWindowRenewsAtThePlan() {
        ExportMetadata current = files(WEB, berlin("2030-01-01T03:00"), Duration.ofDays(30));
        Instant plan = berlin("2030-01-09T03:10");

        WindowPlacement p = SPREAD.place(WEB, current, plan);

        assertThat(p.at()).isEqualTo(plan);
        assertThat(p.decision()).isEqualTo(Decision.INSIDE_WINDOW);
        assertThat(p.deferred()).isFalse();
        assertThat(p.window().start()).isEqualTo(berlin("2030-01-09T02:00"));
    }

    @Test
    void aPlanOutsideTheWindowWaitsForTheNextWindowStart() {
        ExportMetadata current = files(WEB, berlin("2030-01-01T03:00"), Duration.ofDays(30));

        WindowPlacement p = NO_SPREAD.place(WEB, current, berlin("2030-01-09T14:00"));

        assertThat(p.at()).isEqualTo(berlin("2030-01-10T02:00"));
        assertThat(p.planned()).isEqualTo(berlin("2030-01-09T14:00"));
        assertThat(p.decision()).isEqualTo(Decision.WAITS_FOR_WINDOW);
        assertThat(p.deferred()).isTrue();
        assertThat(p.window().end()).isEqualTo(berlin("2030-01-10T04:00"));
        assertThat(p.floorAt()).isEqualTo(current.notAfter().minus(Duration.ofDays(3)));
    }

    @Test
    void exportsSharingAWindowAreSpreadOverItsFirstHalfStablyByName() {
        ExportMetadata current = files(WEB, berlin("2030-01-01T03:00"), Duration.ofDays(30));
        Instant start = berlin("2030-01-10T02:00");
        java.util.Set<Instant> moments = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            ExportSpec spec = WEB.toBuilder().name("web-" + i).build();
            Instant at = SPREAD.place(spec, files(spec, current.notBefore(), Duration.ofDays(30)),
                    berlin("2030-01-09T14:00")).at();
            // at most half the two-hour window, capped by jitter-cap (30m)
            assertThat(at).isBetween(start, start.plus(Duration.ofMinutes(30)));
            moments.add(at);
        }
        assertThat(moments).hasSizeGreaterThan(10);
        // the same name lands on the same second on every run (restart, --once)
        assertThat(SPREAD.place(WEB, current, berlin("2030-01-09T14:00")).at())
                .isEqualTo(SPREAD.place(WEB, current, berlin("2030-01-09T15:00")).at());
    }

    @Test
    void theWeekendIsSkipped() {
        ExportMetadata current = files(WEB, berlin("2030-01-01T03:00"), Duration.ofDays(30));

        WindowPlacement p = NO_SPREAD.place(WEB, current, berlin("2030-01-11T10:00")); // Friday

        assertThat(p.at()).isEqualTo(berlin("2030-01-14T02:00")); // Monday
    }

    @Test
    void aWindowCrossingMidnightIsOpenAfterMidnightAndWaitedForBefore() {
        ExportSpec spec = WEB.toBuilder().renewWindow(RenewWindow.parse("Fri 22:00-02:00 Europe/Berlin")).build();
        ExportMetadata current = files(spec, berlin("2030-01-01T03:00"), Duration.ofDays(90));

        WindowPlacement inside = NO_SPREAD.place(spec, current, berlin("2030-01-12T01:30")); // Saturday 01:30
        WindowPlacement outside = NO_SPREAD.place(spec, current, berlin("2030-01-12T02:30"));

        assertThat(inside.decision()).isEqualTo(Decision.INSIDE_WINDOW);
        assertThat(inside.at()).isEqualTo(berlin("2030-01-12T01:30"));
        assertThat(outside.at()).isEqualTo(berlin("2030-01-18T22:00"));
    }

    @Test
    void onTheSpringForwardDayTheWindowStartsAfterTheGap() {
        ExportSpec spec = WEB.toBuilder().renewWindow(RenewWindow.parse("Sun 02:00-04:00 Europe/Berlin")).build();
        ExportMetadata current = files(spec, Instant.parse("2030-03-01T00:00:00Z"), Duration.ofDays(90));

        WindowPlacement p = NO_SPREAD.place(spec, current, Instant.parse("2030-03-30T12:00:00Z"));

        assertThat(p.at()).isEqualTo(Instant.parse("2030-03-31T01:00:00Z")); // 03:00 CEST
        assertThat(p.window().length()).isEqualTo(Duration.ofHours(1));
        // inside the shortened window the plan stands; in the skipped hour's UTC equivalent before it, it waits
        assertThat(NO_SPREAD.place(spec, current, Instant.parse("2030-03-31T01:30:00Z")).decision())
                .isEqualTo(Decision.INSIDE_WINDOW);
        assertThat(NO_SPREAD.place(spec, current, Instant.parse("2030-03-31T00:30:00Z")).decision())
                .isEqualTo(Decision.WAITS_FOR_WINDOW);
    }

    @Test
    void onTheFallBackDayTheWindowStartsAtTheFirstOfTheRepeatedHours() {
        ExportSpec spec = WEB.toBuilder().renewWindow(RenewWindow.parse("Sun 02:00-04:00 Europe/Berlin")).build();
        ExportMetadata current = files(spec, Instant.parse("2030-10-01T00:00:00Z"), Duration.ofDays(90));

        WindowPlacement p = NO_SPREAD.place(spec, current, Instant.parse("2030-10-26T12:00:00Z"));

        assertThat(p.at()).isEqualTo(Instant.parse("2030-10-27T00:00:00Z")); // 02:00 CEST
        assertThat(p.window().end()).isEqualTo(Instant.parse("2030-10-27T03:00:00Z")); // 04:00 CET
        // the second 02:30 (CET) is still inside: the plan stands
        assertThat(NO_SPREAD.place(spec, current, Instant.parse("2030-10-27T01:30:00Z")).decision())
                .isEqualTo(Decision.INSIDE_WINDOW);
    }

    @Test
    void underTheFloorTheExportRenewsAtOnceOutsideTheWindow() {
        ExportMetadata current = files(WEB, berlin("2030-01-01T03:00"), Duration.ofDays(10));
        // floor: 10 % of 10 days = 1 day before notAfter (2030-01-11 03:00)
        Instant late = berlin("2030-01-10T14:00");

        WindowPlacement p = SPREAD.place(WEB, current, late);

        assertThat(p.at()).isEqualTo(late);
        assertThat(p.decision()).isEqualTo(Decision.UNDER_FLOOR);
        assertThat(p.deferred()).isFalse();
        assertThat(p.floorAt()).isEqualTo(berlin("2030-01-10T03:00"));
    }

    @Test
    void whenTheNextWindowOpensAfterTheFloorTheExportRenewsAtTheFloor() {
        // 72 h certificate, floor 7.2 h; planned Friday 12:00, the next window Monday 02:00 is after expiry
        ExportMetadata current = files(WEB, berlin("2030-01-09T12:00"), Duration.ofHours(72));

        WindowPlacement p = SPREAD.place(WEB, current, berlin("2030-01-11T12:00"));

        assertThat(p.decision()).isEqualTo(Decision.FLOOR_BEFORE_WINDOW);
        assertThat(p.at()).isEqualTo(current.notAfter().minus(Duration.ofMinutes(432)));
        assertThat(p.at()).isEqualTo(p.floorAt());
        assertThat(p.deferred()).isTrue();
    }

    @Test
    void theExportsOwnFloorReplacesThePercentage() {
        ExportSpec spec = WEB.toBuilder().renewWindowFloor(Duration.ofDays(5)).build();
        ExportMetadata current = files(spec, berlin("2030-01-01T03:00"), Duration.ofDays(30));

        WindowPlacement p = NO_SPREAD.place(spec, current, berlin("2030-01-26T14:00"));

        assertThat(p.floorAt()).isEqualTo(berlin("2030-01-26T03:00"));
        assertThat(p.decision()).isEqualTo(Decision.UNDER_FLOOR);
    }

    @Test
    void aFloorAtLeastTheLifetimeMeansTheWindowNeverDefers() {
        ExportSpec spec = WEB.toBuilder().renewWindowFloor(Duration.ofDays(60)).build();
        ExportMetadata current = files(spec, berlin("2030-01-01T03:00"), Duration.ofDays(30));

        assertThat(NO_SPREAD.place(spec, current, berlin("2030-01-09T14:00")).decision()).isEqualTo(Decision.UNDER_FLOOR);
    }

    @Test
    void firstIssuanceMissingFilesAndAChangedSpecNeverWait() {
        Instant outside = berlin("2030-01-09T14:00");
        ExportMetadata oldSpecFiles = files(WEB.toBuilder().commonName("old.example.com").build(),
                berlin("2030-01-01T03:00"), Duration.ofDays(30));

        WindowPlacement none = SPREAD.place(WEB, null, outside);
        WindowPlacement changed = SPREAD.place(WEB, oldSpecFiles, outside);

        assertThat(none.at()).isEqualTo(outside);
        assertThat(none.decision()).isEqualTo(Decision.NOT_PLANNED);
        assertThat(none.floorAt()).isNull();
        assertThat(changed.at()).isEqualTo(outside);
        assertThat(changed.decision()).isEqualTo(Decision.NOT_PLANNED);
    }

    @Test
    void changingOnlyTheWindowDoesNotMakeTheFilesForeign() {
        ExportMetadata current = files(WEB, berlin("2030-01-01T03:00"), Duration.ofDays(30));
        ExportSpec otherWindow = WEB.toBuilder().renewWindow(RenewWindow.parse("Sat 02:00-04:00 Europe/Berlin"))
                .renewWindowFloor(Duration.ofDays(2)).build();

        assertThat(otherWindow.specHash()).isEqualTo(WEB.specHash());
        assertThat(NO_SPREAD.place(otherWindow, current, berlin("2030-01-09T14:00")).at())
                .isEqualTo(berlin("2030-01-12T02:00"));
    }

    @Test
    void aRetryStaysInsideTheOpenWindowAndWaitsForTheNextOneAfterIt() {
        ExportMetadata current = files(WEB, berlin("2030-01-01T03:00"), Duration.ofDays(30));

        assertThat(NO_SPREAD.place(WEB, current, berlin("2030-01-09T03:59")).at()).isEqualTo(berlin("2030-01-09T03:59"));
        assertThat(NO_SPREAD.place(WEB, current, berlin("2030-01-09T04:01")).at()).isEqualTo(berlin("2030-01-10T02:00"));
    }

    @Test
    void withoutAWindowOrForSourcesThatDoNotRenewThereIsNoPlacement() {
        ExportSpec noWindow = WEB.toBuilder().renewWindow(null).build();
        ExportSpec issuer = ExportSpec.builder("ca", Source.ISSUER).mount("pki")
                .renewWindow(RenewWindow.parse("Mon 02:00-04:00")).build();

        assertThat(SPREAD.place(noWindow, files(noWindow, berlin("2030-01-01T03:00"), DAY), berlin("2030-01-01T14:00")))
                .isNull();
        assertThat(SPREAD.place(issuer, null, berlin("2030-01-01T14:00"))).isNull();
    }
}

package io.vaultpki.exporter.window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grammar of {@code renew-window}, its canonical text, and its occurrences in time under DST rules. */
class RenewWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void weekdaysTimeRangeAndZoneAreParsed() {
        RenewWindow w = RenewWindow.parse("Mon-Fri 02:00-04:00 Europe/Berlin");

        assertThat(w.days()).isEqualTo(EnumSet.range(MONDAY, FRIDAY));
        assertThat(w.startMinute()).isEqualTo(120);
        assertThat(w.endMinute()).isEqualTo(240);
        assertThat(w.zone()).isEqualTo(BERLIN);
        assertThat(w.text()).isEqualTo("Mon-Fri 02:00-04:00 Europe/Berlin");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "02:00-04:00|daily 02:00-04:00 UTC",
            "daily 02:00-04:00 UTC|daily 02:00-04:00 UTC",
            "DAILY 2:00-4:30|daily 02:00-04:30 UTC",
            "mon,wed,fri 22:00-02:00 Europe/Berlin|Mon,Wed,Fri 22:00-02:00 Europe/Berlin",
            "Sat-Sun 00:00-24:00|Sat-Sun 00:00-24:00 UTC",
            "Fri-Mon 01:00-02:00 UTC|Mon,Fri-Sun 01:00-02:00 UTC",
            "Mon - Fri  02:00 - 04:00   America/New_York|Mon-Fri 02:00-04:00 America/New_York",
            "Mon , Wed 23:30-00:00|Mon,Wed 23:30-24:00 UTC",
            "Tue-Tue 10:00-11:00|Tue 10:00-11:00 UTC",
            "Mon-Sun 10:00-11:00|daily 10:00-11:00 UTC"})
    void theCanonicalTextParsesToTheSameWindow(String text, String canonical) {
        RenewWindow w = RenewWindow.parse(text);

        assertThat(w.text()).isEqualTo(canonical);
        assertThat(RenewWindow.parse(w.text())).isEqualTo(w);
    }

    @Test
    void withoutAZoneTheWindowIsInUtc() {
        assertThat(RenewWindow.parse("Mon-Fri 02:00-04:00").zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aWindowOpenNowIsTheNextOne() {
        RenewWindow w = RenewWindow.parse("Mon-Fri 02:00-04:00 Europe/Berlin");

        // Wednesday 2030-01-09 03:00 Berlin
        WindowSpan span = w.next(berlin("2030-01-09T03:00"));

        assertThat(span).isEqualTo(new WindowSpan(berlin("2030-01-09T02:00"), berlin("2030-01-09T04:00")));
        assertThat(w.contains(berlin("2030-01-09T03:59"))).isTrue();
        assertThat(w.contains(berlin("2030-01-09T04:00"))).isFalse();
        assertThat(w.contains(berlin("2030-01-09T02:00"))).isTrue();
    }

    @Test
    void theWeekendIsSkipped() {
        RenewWindow w = RenewWindow.parse("Mon-Fri 02:00-04:00 Europe/Berlin");

        // Friday 2030-01-11 05:00: the next window is Monday's
        WindowSpan span = w.next(berlin("2030-01-11T05:00"));

        assertThat(span.start()).isEqualTo(berlin("2030-01-14T02:00"));
        assertThat(span.start().atZone(BERLIN).getDayOfWeek()).isEqualTo(MONDAY);
    }

    @Test
    void aWindowCrossingMidnightBelongsToItsStartDay() {
        RenewWindow w = RenewWindow.parse("Fri 22:00-02:00 Europe/Berlin");

        // Saturday 01:00 is inside Friday's window; Friday 01:00 is not (Thursday has no window)
        assertThat(w.contains(berlin("2030-01-12T01:00"))).isTrue();
        assertThat(w.next(berlin("2030-01-12T01:00")))
                .isEqualTo(new WindowSpan(berlin("2030-01-11T22:00"), berlin("2030-01-12T02:00")));
        assertThat(w.contains(berlin("2030-01-11T01:00"))).isFalse();
        assertThat(w.contains(berlin("2030-01-12T23:00"))).isFalse();
        assertThat(w.next(berlin("2030-01-12T02:00")).start()).isEqualTo(berlin("2030-01-18T22:00"));
    }

    @Test
    void aWindowInTheSkippedHourOfSpringMovesForwardByTheGap() {
        // 2030-03-31: Berlin goes from 02:00 CET straight to 03:00 CEST
        RenewWindow w = RenewWindow.parse("Sun 02:00-04:00 Europe/Berlin");

        WindowSpan span = w.next(Instant.parse("2030-03-30T12:00:00Z"));

        assertThat(span.start()).isEqualTo(Instant.parse("2030-03-31T01:00:00Z")); // 03:00 CEST
        assertThat(span.end()).isEqualTo(Instant.parse("2030-03-31T02:00:00Z")); // 04:00 CEST
        assertThat(span.length()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aWindowEntirelyInTheSkippedHourDoesNotHappenThatDay() {
        RenewWindow w = RenewWindow.parse("Sun 02:00-03:00 Europe/Berlin");

        WindowSpan span = w.next(Instant.parse("2030-03-30T12:00:00Z"));

        // the next Sunday's: 02:00-03:00 CEST
        assertThat(span).isEqualTo(new WindowSpan(Instant.parse("2030-04-07T00:00:00Z"),
                Instant.parse("2030-04-07T01:00:00Z")));
    }

    @Test
    void aWindowInTheRepeatedHourOfAutumnStartsAtTheEarlierOffset() {
        // 2030-10-27: Berlin goes from 03:00 CEST back to 02:00 CET; 02:00-02:59 happens twice
        RenewWindow w = RenewWindow.parse("Sun 02:00-04:00 Europe/Berlin");

        WindowSpan span = w.next(Instant.parse("2030-10-26T12:00:00Z"));

        assertThat(span.start()).isEqualTo(Instant.parse("2030-10-27T00:00:00Z")); // 02:00 CEST
        assertThat(span.end()).isEqualTo(Instant.parse("2030-10-27T03:00:00Z")); // 04:00 CET
        assertThat(span.length()).isEqualTo(Duration.ofHours(3));
        // the second 02:30 (CET) is inside as well
        assertThat(w.contains(Instant.parse("2030-10-27T01:30:00Z"))).isTrue();
    }

    @Test
    void theNextOccurrenceIsAlwaysFoundForEveryDaySet() {
        Instant from = Instant.parse("2030-06-05T12:00:00Z");
        for (DayOfWeek d : DayOfWeek.values()) {
            RenewWindow w = new RenewWindow(EnumSet.of(d), 60, 120, BERLIN);
            WindowSpan span = w.next(from);
            assertThat(span.start()).isAfter(from).isBefore(from.plus(Duration.ofDays(8)));
            assertThat(span.start().atZone(BERLIN).getDayOfWeek()).isEqualTo(d);
        }
        assertThat(RenewWindow.parse("Sat,Sun 10:00-11:00").days()).containsExactlyInAnyOrder(SATURDAY, SUNDAY);
        assertThat(RenewWindow.parse("Mon,Wed 10:00-11:00").days()).containsExactlyInAnyOrder(MONDAY, WEDNESDAY);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "Mo-Fri 02:00-04:00|has an unknown day 'Mo' in 'Mo-Fri'",
            "Mon,,Fri 02:00-04:00|has an empty day in 'Mon,,Fri'",
            "Mon-Wed-Fri 02:00-04:00|has a day range 'Mon-Wed-Fri' with more than two ends",
            "Mon-Fri|has no time range after 'Mon-Fri'",
            "Mon-Fri 2am-4am|has '2am-4am' where the time range HH:MM-HH:MM belongs",
            "Mon-Fri 02:00|has '02:00' where the time range HH:MM-HH:MM belongs",
            "Mon-Fri 25:00-04:00|has an impossible time in '25:00-04:00'",
            "Mon-Fri 02:60-04:00|has an impossible time in '02:60-04:00'",
            "Mon-Fri 24:00-04:00|has an impossible time in '24:00-04:00'",
            "Mon-Fri 02:00-24:30|has an impossible time in '02:00-24:30'",
            "00:00-00:00|has an empty time range '00:00-00:00': start and end must differ (for the whole day write 00:00-24:00)",
            "Mon 03:15-03:15 UTC|has an empty time range '03:15-03:15'",
            "Mon-Fri 02:00-04:00 Europe/Berlinn|has an unknown time zone 'Europe/Berlinn': an IANA zone id such as Europe/Berlin, or UTC",
            "Mon-Fri 02:00-04:00 Mars/Olympus|has an unknown time zone 'Mars/Olympus'",
            "Mon-Fri 02:00-04:00 +02:00|has '+02:00' where the time zone belongs",
            "Mon-Fri 02:00-04:00 ../../etc/passwd|has '../../etc/passwd' where the time zone belongs",
            "02:00-04:00 Mon-Fri|has an unknown time zone 'Mon-Fri': an IANA zone id such as Europe/Berlin, or UTC; the days come first",
            "Mon-Fri 02:00-04:00 Europe/Berlin extra|has 'extra' after the time zone",
            "'   '|is empty"})
    void aBadWindowNamesTheBadPart(String text, String message) {
        assertThatThrownBy(() -> RenewWindow.parse(text))
                .isInstanceOf(RenewWindowException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aHugeWindowIsRefusedWithoutBeingQuoted() {
        String huge = "Mon-Fri 02:00-04:00 " + "A".repeat(1_000_000);

        assertThatThrownBy(() -> RenewWindow.parse(huge))
                .isInstanceOf(RenewWindowException.class)
                .hasMessage("must be at most 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon\u2013Fri 02:00-04:00", "Mon-Fri 02:00-04:00 Europe/Berl\u0131n", "Mon-Fri\u00a002:00-04:00",
            "Mon-Fri 02:00-04:00\u0000", "Mon-Fri 0\u0662:00-04:00", "Mon-Fri 02:00-04:00 \u202eUTC", "Mon-Fri\n02:00-04:00"})
    void unicodeLookAlikesAndControlCharactersAreRefusedWithoutEcho(String text) {
        assertThatThrownBy(() -> RenewWindow.parse(text))
                .isInstanceOf(RenewWindowException.class)
                .hasMessageStartingWith("must contain only printable ASCII characters (found one at position ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text).matches("\\p{Print}*"));
    }

    @Test
    void aLongBadPartIsQuotedShortened() {
        String zone = "Europe/" + "x".repeat(100);

        assertThatThrownBy(() -> RenewWindow.parse("Mon 02:00-04:00 " + zone.substring(0, 60)))
                .hasMessageContaining("'Europe/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'");
    }
}

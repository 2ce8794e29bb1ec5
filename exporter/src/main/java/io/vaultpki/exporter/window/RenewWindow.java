package io.vaultpki.exporter.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A renew window, e.g. {@code Mon-Fri 02:00-04:00 Europe/Berlin}: on each of {@code days}, from {@code startMinute}
 * to {@code endMinute} (minutes after local midnight) in {@code zone}. A window whose end is not after its start
 * crosses midnight and belongs to the day it starts on ({@code Fri 22:00-02:00} is Friday 22:00 to Saturday 02:00);
 * {@code endMinute} 1440 is the end of the day ({@code 00:00-24:00}).
 *
 * <p>Local times become instants by {@link ZonedDateTime#of java.time's rules}: a time in the hour skipped when
 * clocks go forward moves forward by the gap, a time in the hour repeated when clocks go back takes the earlier
 * (summer-time) offset. So {@code 02:00-04:00 Europe/Berlin} lasts one hour on the spring-forward Sunday and three on
 * the fall-back Sunday; an occurrence that comes out empty ({@code 02:00-03:00} on the spring-forward Sunday) does
 * not happen that day. Parse with {@link #parse}; the grammar is {@link RenewWindowParser}'s.
 *
 * @param days        the days the window opens on; never empty
 * @param startMinute 0..1439
 * @param endMinute   1..1440, different from {@code startMinute}
 * @param zone        the zone the times are in
 */
public record RenewWindow(Set<DayOfWeek> days, int startMinute, int endMinute, ZoneId zone) {

    public static final int MINUTES_PER_DAY = 1440;
    /** The longest window text accepted, in characters. */
    public static final int MAX_LENGTH = RenewWindowParser.MAX_LENGTH;
    /** Days looked ahead for the next occurrence: a week, plus room for an occurrence a DST change emptied. */
    private static final int LOOK_AHEAD_DAYS = 16;

    public RenewWindow {
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one day");
        }
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY || endMinute < 1 || endMinute > MINUTES_PER_DAY
                || startMinute == endMinute) {
            throw new IllegalArgumentException("window minutes out of range: " + startMinute + "-" + endMinute);
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** The window {@code text} describes; see {@link RenewWindowParser} for the grammar. */
    public static RenewWindow parse(String text) {
        return RenewWindowParser.parse(text);
    }

    /** Whether the window ends on the day after it starts (it crosses midnight, or ends at 24:00). */
    public boolean crossesMidnight() {
        return endMinute <= startMinute || endMinute == MINUTES_PER_DAY;
    }

    /**
     * The first occurrence that ends after {@code from}: the one open at {@code from}, or else the next one to open.
     */
    public WindowSpan next(Instant from) {
        // a window crossing midnight that opened yesterday may still be open
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i <= LOOK_AHEAD_DAYS; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            WindowSpan span = on(day);
            if (span.end().isAfter(from) && span.end().isAfter(span.start())) {
                return span;
            }
        }
        throw new IllegalStateException("no occurrence of " + text() + " within " + LOOK_AHEAD_DAYS + " days");
    }

    /** Whether {@code t} lies inside an occurrence of the window. */
    public boolean contains(Instant t) {
        return next(t).contains(t);
    }

    /** The occurrence that starts on local date {@code day} (empty when a DST change swallowed it). */
    WindowSpan on(LocalDate day) {
        Instant start = at(day, startMinute);
        Instant end = crossesMidnight() ? at(day.plusDays(1), endMinute % MINUTES_PER_DAY) : at(day, endMinute);
        return new WindowSpan(start, end);
    }

    private Instant at(LocalDate day, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
    }

    /** The canonical text ({@code Mon-Fri 02:00-04:00 Europe/Berlin}); parsing it gives an equal window. */
    public String text() {
        return RenewWindowParser.format(this);
    }

    @Override
    public String toString() {
        return text();
    }
}

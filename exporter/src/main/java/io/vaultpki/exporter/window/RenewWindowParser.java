package io.vaultpki.exporter.window;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of a renew window, documented in docs/exporter-configuration.md:
 *
 * <pre>
 * window     = [ days SP ] time-range [ SP zone ]
 * days       = "daily" / day-item *( "," day-item )       ; left out: every day
 * day-item   = day / day "-" day                          ; a range may wrap: Fri-Mon
 * day        = "Mon" / "Tue" / "Wed" / "Thu" / "Fri" / "Sat" / "Sun"   ; any case
 * time-range = HH:MM "-" HH:MM                            ; 24-hour clock; the end may be 24:00
 * zone       = an IANA time zone id (Europe/Berlin, America/New_York, UTC); left out: UTC
 * </pre>
 *
 * Spaces around {@code ,} and {@code -} are allowed. At most {@value #MAX_LENGTH} printable ASCII characters. Start
 * and end must differ; a range whose end is not after its start crosses midnight and belongs to its start day.
 * Every error message reads after the field's name and quotes the bad part, shortened.
 */
final class RenewWindowParser {

    static final int MAX_LENGTH = 128;
    /** The zone of a window that names none: the exporter's timestamps are all UTC. */
    static final ZoneId UTC = ZoneId.of("UTC");
    private static final int QUOTE_MAX = 40;
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern TIME_RANGE = Pattern.compile("^(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})$");
    private static final Pattern ZONE = Pattern.compile("^[A-Za-z][A-Za-z0-9/_+-]{0,63}$");
    private static final String SHAPE = "expected [days] HH:MM-HH:MM [zone], e.g. 'Mon-Fri 02:00-04:00 Europe/Berlin'";
    private static final String DAYS = "days are Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges such as Mon-Fri, lists such"
            + " as Mon,Wed,Fri, or daily";

    private RenewWindowParser() {
    }

    static RenewWindow parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RenewWindowException("is empty: " + SHAPE);
        }
        if (text.length() > MAX_LENGTH) {
            throw new RenewWindowException("must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                // never echoed: a control or look-alike character would only confuse the log line
                throw new RenewWindowException("must contain only printable ASCII characters (found one at position "
                        + (i + 1) + "): " + SHAPE);
            }
        }
        String normalized = text.strip().replaceAll("\\s*,\\s*", ",").replaceAll("\\s*-\\s*", "-");
        String[] tokens = normalized.split("\\s+");
        int at = 0;
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (!Character.isDigit(tokens[0].charAt(0))) {
            days = days(tokens[0]);
            at++;
        }
        if (at >= tokens.length) {
            throw new RenewWindowException("has no time range after " + quote(tokens[0]) + ": " + SHAPE);
        }
        int[] minutes = timeRange(tokens[at++]);
        ZoneId zone = UTC;
        if (at < tokens.length) {
            zone = zone(tokens[at++]);
        }
        if (at < tokens.length) {
            throw new RenewWindowException("has " + quote(tokens[at]) + " after the time zone: " + SHAPE);
        }
        return new RenewWindow(days, minutes[0], minutes[1], zone);
    }

    private static Set<DayOfWeek> days(String token) {
        if (token.equalsIgnoreCase("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String item : token.split(",", -1)) {
            if (item.isEmpty()) {
                throw new RenewWindowException("has an empty day in " + quote(token) + ": " + DAYS);
            }
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new RenewWindowException("has a day range " + quote(item) + " with more than two ends: " + DAYS);
            }
            DayOfWeek first = day(ends[0], token);
            DayOfWeek last = ends.length == 2 ? day(ends[1], token) : first;
            // a range may wrap around the week: Fri-Mon is Fri, Sat, Sun, Mon
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                out.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return out;
    }

    private static DayOfWeek day(String name, String token) {
        int index = DAY_NAMES.indexOf(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new RenewWindowException("has an unknown day " + quote(name) + " in " + quote(token) + ": " + DAYS);
        }
        return DayOfWeek.of(index + 1);
    }

    private static int[] timeRange(String token) {
        Matcher m = TIME_RANGE.matcher(token);
        if (!m.matches()) {
            throw new RenewWindowException("has " + quote(token) + " where the time range HH:MM-HH:MM belongs (24-hour"
                    + " clock, e.g. 02:00-04:00): " + SHAPE);
        }
        int start = minute(m.group(1), m.group(2), false, token);
        int end = minute(m.group(3), m.group(4), true, token);
        if (start == end) {
            throw new RenewWindowException("has an empty time range " + quote(token) + ": start and end must differ"
                    + " (for the whole day write 00:00-24:00)");
        }
        return new int[] {start, end == 0 ? RenewWindow.MINUTES_PER_DAY : end};
    }

    private static int minute(String hh, String mm, boolean end, String token) {
        int hour = Integer.parseInt(hh);
        int minute = Integer.parseInt(mm);
        boolean endOfDay = end && hour == 24 && minute == 0;
        if (!endOfDay && (hour > 23 || minute > 59)) {
            throw new RenewWindowException("has an impossible time in " + quote(token) + ": hours 00 to 23, minutes"
                    + " 00 to 59" + (end ? ", or 24:00 as the end" : ""));
        }
        return hour * 60 + minute;
    }

    private static ZoneId zone(String token) {
        if (!ZONE.matcher(token).matches()) {
            throw new RenewWindowException("has " + quote(token) + " where the time zone belongs: an IANA zone id such"
                    + " as Europe/Berlin, or UTC" + (looksLikeDays(token) ? "; the days come first: " + SHAPE : ""));
        }
        try {
            return ZoneId.of(token);
        } catch (DateTimeException e) {
            throw new RenewWindowException("has an unknown time zone " + quote(token) + ": an IANA zone id such as"
                    + " Europe/Berlin, or UTC" + (looksLikeDays(token) ? "; the days come first: " + SHAPE : ""));
        }
    }

    private static boolean looksLikeDays(String token) {
        try {
            days(token);
            return true;
        } catch (RenewWindowException e) {
            return false;
        }
    }

    private static String quote(String part) {
        return "'" + (part.length() > QUOTE_MAX ? part.substring(0, QUOTE_MAX) + "..." : part) + "'";
    }

    /** The canonical text: days in week order as ranges ({@code daily} for all), HH:MM-HH:MM, the zone id. */
    static String format(RenewWindow window) {
        StringBuilder sb = new StringBuilder();
        if (window.days().size() == 7) {
            sb.append("daily");
        } else {
            List<String> items = new ArrayList<>();
            DayOfWeek runStart = null;
            DayOfWeek previous = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                boolean in = window.days().contains(d);
                if (in && runStart == null) {
                    runStart = d;
                }
                if (!in && runStart != null) {
                    items.add(run(runStart, previous));
                    runStart = null;
                }
                previous = d;
            }
            if (runStart != null) {
                items.add(run(runStart, DayOfWeek.SUNDAY));
            }
            sb.append(String.join(",", items));
        }
        sb.append(' ').append(hhmm(window.startMinute())).append('-').append(hhmm(window.endMinute()));
        return sb.append(' ').append(window.zone().getId()).toString();
    }

    private static String run(DayOfWeek first, DayOfWeek last) {
        String a = name(first);
        return first == last ? a : a + "-" + name(last);
    }

    private static String name(DayOfWeek d) {
        String n = DAY_NAMES.get(d.getValue() - 1);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static String hhmm(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}

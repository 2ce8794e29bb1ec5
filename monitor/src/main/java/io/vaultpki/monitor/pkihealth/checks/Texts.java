package io.vaultpki.monitor.pkihealth.checks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How the CLI writes dates, durations and lists into its messages. */
final class Texts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final long DAY_S = 86_400;

    private Texts() {
    }

    /** Go's {@code Format("2006-01-02")} in UTC. */
    static String day(Instant instant) {
        return DAY.format(instant);
    }

    /**
     * The CLI's {@code FormatDuration} (https://github.com/hashicorp/vault/blob/main/command/healthcheck/util.go):
     * years of 365 days, months of 30, weeks, days, then the rest as Go prints a duration; largest unit first (the
     * CLI prepends each unit, so it prints {@code 5d12mo} for 365 days; we print {@code 12mo5d}).
     */
    static String cliDuration(Duration d) {
        StringBuilder text = new StringBuilder();
        long seconds = d.getSeconds();
        for (long[] unit : new long[][] {{365 * DAY_S, 'y'}, {30 * DAY_S, 'm'}, {7 * DAY_S, 'w'}, {DAY_S, 'd'}}) {
            // the CLI moves to the next unit only when strictly more than one unit is left
            if (seconds > unit[0]) {
                text.append(seconds / unit[0]).append(unit[1] == 'm' ? "mo" : String.valueOf((char) unit[1]));
                seconds %= unit[0];
            }
        }
        Duration rest = Duration.ofSeconds(seconds, d.getNano());
        return rest.isZero() ? text.toString() : text + go(rest);
    }

    /** Go's {@code time.Duration.String()}: {@code 168h0m0s}, {@code 1m30s}, {@code 200ms}, {@code 0s}. */
    static String go(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            long nanos = d.toNanos();
            return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos % 1000 == 0 ? nanos / 1000 + "µs"
                    : nanos + "ns";
        }
        long h = d.toHours();
        int m = d.toMinutesPart();
        String s = d.getNano() == 0 ? String.valueOf(d.toSecondsPart())
                : java.math.BigDecimal.valueOf(d.toSecondsPart() * 1_000_000_000L + d.getNano(), 9)
                .stripTrailingZeros().toPlainString();
        if (h > 0) {
            return h + "h" + m + "m" + s + "s";
        }
        return m > 0 ? m + "m" + s + "s" : s + "s";
    }

    /** Go's {@code %v} of a {@code []string}: {@code [a b]}. */
    static String list(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    /** Whole days, rounded down, e.g. for "12 days left". */
    static long days(Duration d) {
        return d.toDays();
    }
}

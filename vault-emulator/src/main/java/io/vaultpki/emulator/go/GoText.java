package io.vaultpki.emulator.go;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Go's text forms that leak into Vault's responses and requests: durations, RFC3339Nano times, booleans. */
public final class GoText {

    private static final Pattern PART = Pattern.compile("(\\d+)(d|h|ms|m|s)");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GoText() {
    }

    /** {@code time.Duration.String()} for whole seconds: {@code 720h0m0s}, {@code 5m0s}, {@code 10s}. */
    public static String duration(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600) / 60 + "m" + s % 60 + "s";
        }
        if (s >= 60) {
            return s / 60 + "m" + s % 60 + "s";
        }
        return s + "s";
    }

    /** Vault's {@code parseutil.ParseDurationSecond}: bare seconds or Go units, plus {@code d} for days. */
    public static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        var m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "ms" -> Duration.ofMillis(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (end != t.length() || t.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
        }
        return total;
    }

    /** Go's {@code time.RFC3339Nano} in UTC: fraction with trailing zeros removed, none when zero. */
    public static String rfc3339Nano(Instant t) {
        var sb = new StringBuilder(SECONDS.format(t));
        int nanos = t.getNano();
        if (nanos > 0) {
            String frac = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
            sb.append('.').append(frac);
        }
        return sb.append('Z').toString();
    }

    /** Parses the {@code not_after} request field ({@code 2006-01-02T15:04:05Z}). */
    public static Instant parseTime(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** Go's {@code strconv.ParseBool}; {@code null} or empty gives the default. */
    public static boolean parseBool(String text, boolean defaultValue) {
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        return goBool(text).orElseThrow(() -> new IllegalArgumentException("cannot parse '" + text + "' as bool"));
    }

    /** Go's {@code strconv.ParseBool}: empty when {@code text} is not one of its spellings (the empty string included). */
    public static Optional<Boolean> goBool(String text) {
        return switch (text == null ? "" : text) {
            case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(true);
            case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}

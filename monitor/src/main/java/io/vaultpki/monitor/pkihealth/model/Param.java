package io.vaultpki.monitor.pkihealth.model;

import io.vaultpki.client.GoDurations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter of a check, as in the CLI's JSON configuration ({@code {"<check>": {"<param>": <value>}}}): its
 * name, its kind, its default (written the way the CLI's {@code -list} prints it) and, for integers, the range the
 * CLI accepts. Values are read as the CLI reads them (go-secure-stdlib {@code parseutil}): a duration is a number of
 * seconds or a Go duration string with {@code d} for days ({@code "180d"}, {@code "200ms"}); an integer is a number
 * or a string of digits; a list is a JSON array of strings.
 *
 * @param name       the JSON key, e.g. {@code root_expiry_critical}
 * @param kind       how the value is read
 * @param cliDefault the default as the CLI's {@code -list} prints it ({@code "180d"}, {@code "95"}, {@code 100}, {@code []})
 * @param min        smallest integer accepted (integers only)
 * @param max        largest integer accepted (integers only)
 */
public record Param(String name, Kind kind, Object cliDefault, long min, long max) {

    /** How a parameter's value is read. */
    public enum Kind { DURATION, INTEGER, STRING_LIST }

    /** The longest duration a parameter takes: 100 years, beyond any certificate's or tidy's time scale. */
    public static final Duration MAX_DURATION = Duration.ofDays(36_500);

    private static final java.util.regex.Pattern DURATION_PART =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
    private static final java.util.Map<String, java.math.BigDecimal> UNIT_SECONDS = java.util.Map.of(
            "ns", new java.math.BigDecimal("1e-9"), "us", new java.math.BigDecimal("1e-6"),
            "µs", new java.math.BigDecimal("1e-6"), "ms", new java.math.BigDecimal("1e-3"),
            "s", java.math.BigDecimal.ONE, "m", java.math.BigDecimal.valueOf(60),
            "h", java.math.BigDecimal.valueOf(3600), "d", java.math.BigDecimal.valueOf(86_400));

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cliDefault, "cliDefault");
    }

    public static Param duration(String name, String cliDefault) {
        return new Param(name, Kind.DURATION, cliDefault, 0, 0);
    }

    public static Param integer(String name, Object cliDefault, long min, long max) {
        return new Param(name, Kind.INTEGER, cliDefault, min, max);
    }

    public static Param strings(String name) {
        return new Param(name, Kind.STRING_LIST, List.of(), 0, 0);
    }

    /** The default as a typed value ({@link Duration}, {@link Long} or {@code List<String>}). */
    public Object defaultValue() {
        return parse(cliDefault);
    }

    /**
     * {@code raw} (a JSON value, or a property's string) as a typed value.
     *
     * @throws IllegalArgumentException saying what was expected; the caller adds where the value came from
     */
    public Object parse(Object raw) {
        return switch (kind) {
            case DURATION -> parseDuration(raw);
            case INTEGER -> parseInteger(raw);
            case STRING_LIST -> parseStrings(raw);
        };
    }

    private Duration parseDuration(Object raw) {
        String what = "a duration such as \"7d\", \"36h\" or \"200ms\" (or a whole number of seconds)";
        if (raw instanceof Number n && isWhole(n) && n.longValue() >= 0 && n.longValue() <= MAX_DURATION.getSeconds()) {
            return Duration.ofSeconds(n.longValue());
        }
        // GoDurations accepts no sign, so a negative duration is refused; the cap (checked exactly first, as
        // GoDurations' long of nanoseconds could wrap) keeps "now + window" far from Instant's limits
        if (raw instanceof String s && !s.isBlank() && s.length() <= 40 && withinCap(s)) {
            return GoDurations.parse(s).orElseThrow(() -> expected(what, raw));
        }
        throw expected(what, raw);
    }

    /**
     * Whether {@code s}, summed exactly (unlike {@code GoDurations}, whose long of nanoseconds could wrap on a
     * huge value), stays within {@link #MAX_DURATION}.
     */
    private static boolean withinCap(String s) {
        String v = s.strip();
        java.math.BigDecimal seconds;
        if (v.matches("\\d+")) {
            seconds = new java.math.BigDecimal(v);
        } else {
            seconds = java.math.BigDecimal.ZERO;
            java.util.regex.Matcher part = DURATION_PART.matcher(v);
            while (part.find()) {
                seconds = seconds.add(new java.math.BigDecimal(part.group(1)).multiply(UNIT_SECONDS.get(part.group(2))));
            }
        }
        return seconds.compareTo(java.math.BigDecimal.valueOf(MAX_DURATION.getSeconds())) <= 0;
    }

    private Long parseInteger(Object raw) {
        long value;
        if (raw instanceof Number n && isWhole(n)) {
            value = n.longValue();
        } else if (raw instanceof String s && s.strip().matches("-?\\d{1,18}")) {
            value = Long.parseLong(s.strip());
        } else {
            throw expected("a whole number from " + min + " to " + max, raw);
        }
        if (value < min || value > max) {
            throw expected("a whole number from " + min + " to " + max, raw);
        }
        return value;
    }

    private static List<String> parseStrings(Object raw) {
        List<String> values = new ArrayList<>();
        if (raw instanceof String s) {
            // only a property gives a string: a comma-separated list, as Micronaut writes lists
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
            return List.copyOf(values);
        }
        if (!(raw instanceof List<?> list)) {
            throw expected("a list of strings", raw);
        }
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw expected("a list of strings", raw);
            }
            values.add(s);
        }
        return List.copyOf(values);
    }

    private static boolean isWhole(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger && ((java.math.BigInteger) n).bitLength() < 63;
    }

    private static IllegalArgumentException expected(String what, Object raw) {
        return new IllegalArgumentException("must be " + what + ", was " + shown(raw));
    }

    /** A value as it appears in an error message: short, quoted when a string, never over 40 characters. */
    public static String shown(Object raw) {
        String text = raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }
}

package io.vaultpki.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vault's {@code parseutil.ParseDurationSecond}: a bare number is seconds, anything else a Go duration string
 * ({@code 72h}, {@code 1m30s}, {@code 500ms}; Vault also accepts {@code d} for days). Used for environment
 * variables and for durations Vault itself returns as strings.
 */
public final class GoDurations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

    private GoDurations() {
    }

    /** The duration, or empty when {@code value} is not a duration. */
    public static Optional<Duration> parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        Matcher m = PART.matcher(v);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < v.length() && m.find(pos) && m.start() == pos) {
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            pos = m.end();
        }
        return pos == 0 || pos != v.length() ? Optional.empty() : Optional.of(Duration.ofNanos(nanos.longValue()));
    }
}

package io.vaultpki.client.pki;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration strings Vault documents ({@code 72h}, {@code 1h30m}, {@code 30s}, bare seconds). */
final class GoDurations {

    private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s|d)");

    private GoDurations() {
    }

    static Duration parse(String value) {
        String v = value.strip();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Matcher m = PART.matcher(v);
        Duration d = Duration.ZERO;
        int pos = 0;
        while (m.find(pos) && m.start() == pos) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            });
            pos = m.end();
        }
        return pos == v.length() ? d : Duration.ZERO;
    }
}

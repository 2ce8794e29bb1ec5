package io.vaultpki.emulator;

import java.time.Duration;
import java.util.regex.Pattern;

/** Go's {@code time.Duration} text form ({@code 1h0m0s}) and Vault's duration parsing ({@code "1h"}, {@code 3600}). */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s|ms)");

    private GoDuration() {
    }

    static String format(Duration d) {
        long seconds = d.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + "h" + m + "m" + s + "s";
        }
        if (m > 0) {
            return m + "m" + s + "s";
        }
        return s + "s";
    }

    /** Parses {@code "90"}, {@code "90s"}, {@code "1h30m"}; throws {@link IllegalArgumentException} otherwise. */
    static Duration parse(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        var matcher = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
            }
            long n = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "ms" -> Duration.ofMillis(n);
                default -> Duration.ofSeconds(n);
            });
            end = matcher.end();
        }
        if (end != t.length() || t.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
        }
        return total;
    }
}

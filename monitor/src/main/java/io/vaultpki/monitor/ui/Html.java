package io.vaultpki.monitor.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Escaping and formatting for the page. Every text that comes from Vault (names, subjects, messages, paths) is
 * hostile input and goes through {@link #text}, in element content and in quoted attribute values alike.
 */
final class Html {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** {@code value} safe as element content and as a double- or single-quoted attribute value. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab/newline have no business in a page
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code 2026-01-01 00:00:00 UTC}, or an em dash when unknown. */
    static String time(Optional<Instant> instant) {
        return instant.map(TIME::format).orElse("\u2014");
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** A machine-readable {@code <time>} element showing the human form. */
    static String timeElement(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + time(instant) + "</time>";
    }

    /** Time left in human units: {@code 12 days}, {@code 5 hours}, {@code expired 3 days ago}. */
    static String left(long seconds) {
        return seconds < 0 ? "expired " + span(-seconds) + " ago" : span(seconds);
    }

    /** A duration in its largest sensible unit: {@code 2 years}, {@code 12 days}, {@code 5 hours}, {@code 40 s}. */
    static String span(long seconds) {
        long days = seconds / 86_400;
        if (days >= 730) {
            return days / 365 + " years";
        }
        if (days >= 2) {
            return days + " days";
        }
        long hours = seconds / 3_600;
        if (hours >= 2) {
            return hours + " hours";
        }
        long minutes = seconds / 60;
        return minutes >= 2 ? minutes + " minutes" : seconds + " s";
    }

    /** The state shown as a badge: its word (never colour alone) with a class for the colour. */
    static String badge(String state) {
        String s = text(state);
        return "<span class=\"badge st-" + s + "\">" + s + "</span>";
    }
}

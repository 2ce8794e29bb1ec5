package io.vaultpki.exporter.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size setting such as {@code 64KiB}, {@code 50MB} or {@code 1048576}. KB/MB/GB and KiB/MiB/GiB are both
 * powers of 1024, as users of log-rotation settings expect; a bare number is bytes.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("^(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$");

    private ByteSize() {
    }

    public static Optional<Long> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return Optional.of(Math.multiplyExact(n, factor));
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }

    /** Parses a setting, failing with a message that names it. */
    public static long require(String setting, String value) {
        long size = parse(value).orElseThrow(() -> new IllegalArgumentException(
                setting + ": '" + value + "' is not a size such as 64KiB, 50MB or 1048576"));
        if (size <= 0) {
            throw new IllegalArgumentException(setting + ": must be positive");
        }
        return size;
    }
}

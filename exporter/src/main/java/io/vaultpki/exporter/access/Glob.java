package io.vaultpki.exporter.access;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A shell-style pattern: {@code *} matches any run of characters (dots included, as Vault's {@code allow_glob_domains}
 * does), {@code ?} exactly one; everything else is literal. Host names compare case-insensitively, since DNS does.
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, boolean ignoreCase) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** A case-sensitive pattern (export names, mounts, roles, sources). */
    public static Glob of(String text) {
        return new Glob(text, false);
    }

    /** A case-insensitive pattern for host names and other subject names. */
    public static Glob ofHostName(String text) {
        return new Glob(text.toLowerCase(Locale.ROOT), true);
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}

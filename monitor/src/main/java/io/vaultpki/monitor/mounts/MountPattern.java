package io.vaultpki.monitor.mounts;

import io.micronaut.context.exceptions.ConfigurationException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One include or exclude pattern on a mount path. {@code re:} or {@code regex:} introduces a Java regular expression
 * matched against the whole path; anything else is a glob where {@code *} matches within one path segment,
 * {@code **} across segments and {@code ?} one character. A trailing slash is optional in globs: {@code pki}
 * matches the mount {@code pki/}.
 */
public final class MountPattern {

    private final String source;
    private final Pattern pattern;

    private MountPattern(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** Parses {@code value}; {@code setting} names the configuration entry in the error message. */
    public static MountPattern parse(String setting, String value) {
        String v = value.strip();
        try {
            if (v.startsWith("re:") || v.startsWith("regex:")) {
                return new MountPattern(v, Pattern.compile(v.substring(v.indexOf(':') + 1)));
            }
            return new MountPattern(v, Pattern.compile(globToRegex(v)));
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException(setting + " has an invalid pattern '" + value + "': " + e.getDescription());
        }
    }

    /** Whether the mount path (with or without its trailing slash) matches. */
    public boolean matches(String mountPath) {
        String withSlash = mountPath.endsWith("/") ? mountPath : mountPath + "/";
        return pattern.matcher(withSlash).matches()
                || pattern.matcher(withSlash.substring(0, withSlash.length() - 1)).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                out.append(".*");
                i++;
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (!glob.endsWith("/")) {
            out.append("/?");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}

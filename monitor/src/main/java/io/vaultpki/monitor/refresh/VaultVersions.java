package io.vaultpki.monitor.refresh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares the version {@code sys/health} reports ({@code 1.17.3}, {@code 1.15.2+ent}, OpenBao's {@code 2.3.1}). */
final class VaultVersions {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^v?(\\d{1,4})\\.(\\d{1,4})");

    private VaultVersions() {
    }

    /** Whether {@code version} is at least {@code major.minor}; an unknown or unparsable version is not. */
    static boolean atLeast(String version, int major, int minor) {
        Matcher m = MAJOR_MINOR.matcher(version == null ? "" : version.strip());
        if (!m.find()) {
            return false;
        }
        int ma = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        return ma > major || ma == major && mi >= minor;
    }
}

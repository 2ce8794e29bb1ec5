package io.vaultpki.exporter.api;

import java.time.Duration;

/** Writes durations the way the API reads them ({@code 72h}, {@code 1h30m}, {@code 45s}), as Vault does. */
final class GoDurationText {

    private GoDurationText() {
    }

    static String format(Duration d) {
        if (d == null) {
            return null;
        }
        long s = d.toSeconds();
        if (s == 0) {
            return d.isZero() ? "0s" : d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}

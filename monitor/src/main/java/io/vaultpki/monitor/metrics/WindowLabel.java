package io.vaultpki.monitor.metrics;

import java.time.Duration;

/**
 * The {@code window} label of a duration in its largest whole unit: {@code 7d}, {@code 12h}, {@code 90m},
 * {@code 45s}.
 */
final class WindowLabel {

    private WindowLabel() {
    }

    static String of(Duration window) {
        long seconds = window.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}

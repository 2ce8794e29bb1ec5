package io.vaultpki.monitor.status;

import java.util.Locale;
import java.util.Optional;

/** The {@code state} values of the status API, ordered from best to worst; the worst one found wins. */
public enum Severity {
    OK, WARNING, CRITICAL, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity worst(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Parses a label such as {@code warning}; empty for anything else. */
    public static Optional<Severity> fromLabel(String label) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(label.strip())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}

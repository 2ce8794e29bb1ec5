package io.vaultpki.monitor.metrics;

import io.vaultpki.support.metrics.GaugeFamily;

import java.time.Duration;
import java.util.Locale;

/**
 * Makes the families built from the snapshot: their HELP ends with where the data comes from and how often it is
 * refreshed. True of every such family, time-relative ones included (computed at scrape time, to the second, from
 * dates the refresh stored): the data is the last refresh's, never read from Vault by the scrape.
 */
final class RefreshNote {

    private final String note;

    RefreshNote(Duration refreshInterval) {
        this.note = " From the data of the last refresh (every " + refreshInterval.toString().substring(2)
                .toLowerCase(Locale.ROOT) + ", sooner after a failed one); a scrape never calls Vault.";
    }

    GaugeFamily gauge(String name, String help, String... labelNames) {
        return GaugeFamily.gauge(name, help + note, labelNames);
    }

    GaugeFamily info(String name, String help, String... labelNames) {
        return GaugeFamily.info(name, help + note, labelNames);
    }

    static double seconds(java.time.Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}

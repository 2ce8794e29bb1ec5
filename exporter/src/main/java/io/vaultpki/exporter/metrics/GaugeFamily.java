package io.vaultpki.exporter.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.List;

/**
 * One gauge (or info) family built at scrape time with a fixed label schema. Info families are named without the
 * {@code _info} suffix, which the exposition formats append.
 */
final class GaugeFamily {

    private final String name;
    private final String help;
    private final String[] labelNames;
    private final boolean info;
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();
    private final List<InfoDataPointSnapshot> infoPoints = new ArrayList<>();

    GaugeFamily(String name, String help, String... labelNames) {
        this(name, help, false, labelNames);
    }

    private GaugeFamily(String name, String help, boolean info, String... labelNames) {
        this.name = name;
        this.help = help;
        this.info = info;
        this.labelNames = labelNames.clone();
    }

    static GaugeFamily info(String name, String help, String... labelNames) {
        return new GaugeFamily(name, help, true, labelNames);
    }

    GaugeFamily add(double value, String... labelValues) {
        Labels.Builder labels = Labels.builder();
        for (int i = 0; i < labelNames.length; i++) {
            labels.label(labelNames[i], labelValues[i] == null ? "" : labelValues[i]);
        }
        if (info) {
            infoPoints.add(InfoDataPointSnapshot.builder().labels(labels.build()).build());
        } else {
            points.add(GaugeDataPointSnapshot.builder().value(value).labels(labels.build()).build());
        }
        return this;
    }

    /** Adds the family unless empty: an empty family would print only HELP and TYPE. */
    void addTo(MetricSnapshots.Builder out) {
        if (info) {
            if (!infoPoints.isEmpty()) {
                InfoSnapshot.Builder builder = InfoSnapshot.builder().name(name).help(help);
                infoPoints.forEach(builder::dataPoint);
                out.metricSnapshot(builder.build());
            }
            return;
        }
        if (points.isEmpty()) {
            return;
        }
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        points.forEach(builder::dataPoint);
        out.metricSnapshot(builder.build());
    }
}

package io.vaultpki.exporter.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.List;

/** One gauge family built at scrape time with a fixed label schema. */
final class GaugeFamily {

    private final String name;
    private final String help;
    private final String[] labelNames;
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();

    GaugeFamily(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = labelNames.clone();
    }

    GaugeFamily add(double value, String... labelValues) {
        Labels.Builder labels = Labels.builder();
        for (int i = 0; i < labelNames.length; i++) {
            labels.label(labelNames[i], labelValues[i] == null ? "" : labelValues[i]);
        }
        points.add(GaugeDataPointSnapshot.builder().value(value).labels(labels.build()).build());
        return this;
    }

    /** Adds the family unless empty: an empty family would print only HELP and TYPE. */
    void addTo(MetricSnapshots.Builder out) {
        if (points.isEmpty()) {
            return;
        }
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        points.forEach(builder::dataPoint);
        out.metricSnapshot(builder.build());
    }
}

package io.vaultpki.support.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.List;

/**
 * One gauge (or info) family under construction: a fixed label schema, so every series of the family carries the
 * same labels, with {@code ""} where a label does not apply.
 */
public final class GaugeFamily {

    private final String name;
    private final String help;
    private final String[] labelNames;
    private final boolean info;
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();
    private final List<InfoDataPointSnapshot> infoPoints = new ArrayList<>();

    private GaugeFamily(String name, String help, boolean info, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = labelNames.clone();
        this.info = info;
    }

    /** A gauge family with these label names. */
    public static GaugeFamily gauge(String name, String help, String... labelNames) {
        return new GaugeFamily(name, help, false, labelNames);
    }

    /** An info family; {@code name} without the {@code _info} suffix the exposition formats append. */
    public static GaugeFamily info(String name, String help, String... labelNames) {
        return new GaugeFamily(name, help, true, labelNames);
    }

    /** Adds a series; {@code null} label values become {@code ""}. */
    public GaugeFamily add(double value, String... labelValues) {
        Labels labels = labels(labelValues);
        if (info) {
            infoPoints.add(InfoDataPointSnapshot.builder().labels(labels).build());
        } else {
            points.add(GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
        }
        return this;
    }

    /** Adds the family to {@code out} unless it has no series: an empty family would only print HELP and TYPE. */
    public void addTo(MetricSnapshots.Builder out) {
        if (points.isEmpty() && infoPoints.isEmpty()) {
            return;
        }
        MetricSnapshot snapshot;
        if (info) {
            InfoSnapshot.Builder builder = InfoSnapshot.builder().name(name).help(help);
            infoPoints.forEach(builder::dataPoint);
            snapshot = builder.build();
        } else {
            GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
            points.forEach(builder::dataPoint);
            snapshot = builder.build();
        }
        out.metricSnapshot(snapshot);
    }

    private Labels labels(String[] values) {
        if (values.length != labelNames.length) {
            throw new IllegalArgumentException(name + " takes labels " + List.of(labelNames));
        }
        Labels.Builder labels = Labels.builder();
        for (int i = 0; i < values.length; i++) {
            labels.label(labelNames[i], values[i] == null ? "" : values[i]);
        }
        return labels.build();
    }
}

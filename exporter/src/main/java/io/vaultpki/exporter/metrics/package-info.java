/**
 * The exporter's Prometheus series: per-export gauges computed from the live export state at scrape time, and
 * counters and histograms of attempts, failures (by the suite's failure reason), switches, hooks and Vault calls.
 * Every series labelled {@code export} belongs to a managed export and goes with it.
 */
package io.vaultpki.exporter.metrics;

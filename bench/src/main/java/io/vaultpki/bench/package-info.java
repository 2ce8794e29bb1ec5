/**
 * The benchmark command: the monitor's refresh in-process and both apps as child JVMs against the emulator, side by
 * side in one run (refresh times, /metrics under load, logins, memory, exporter throughput), reported as ratios and
 * margins against the targets in docs/benchmark.md.
 */
package io.vaultpki.bench;

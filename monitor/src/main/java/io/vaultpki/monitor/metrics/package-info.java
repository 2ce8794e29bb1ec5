/**
 * Prometheus rendering of the current {@link io.vaultpki.monitor.refresh.PkiSnapshot}: the compatibility series
 * {@code vault_issuer_validity_seconds} and the {@code vault_pki_*} families, in groups that change for different
 * reasons ({@link io.vaultpki.monitor.metrics.PkiFamilies}), plus the {@code /metrics} endpoint, which serves a body
 * rendered once and re-rendered only where its inputs changed ({@link io.vaultpki.monitor.metrics.ScrapeCache}), in
 * Prometheus text or OpenMetrics, identity or gzip.
 */
package io.vaultpki.monitor.metrics;

/**
 * Prometheus rendering of the current {@link io.vaultpki.monitor.refresh.PkiSnapshot}: the compatibility series
 * {@code vault_issuer_validity_seconds} and the {@code vault_pki_*} families, computed at scrape time, plus the
 * {@code /metrics} endpoint with Prometheus text and OpenMetrics negotiation.
 */
package io.vaultpki.monitor.metrics;

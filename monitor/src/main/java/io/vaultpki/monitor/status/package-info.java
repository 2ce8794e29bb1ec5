/**
 * The status API: {@code GET /api/v1/status} grades engines and issuers against the expiry thresholds, and
 * {@code GET /status} answers {@code OK}/{@code NOK} like the Python exporter; both read only the current snapshot.
 */
package io.vaultpki.monitor.status;

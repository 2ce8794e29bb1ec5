/**
 * The monitor's status page, {@code GET /}: server-rendered HTML of the current snapshot (header, issuers, timeline,
 * leaves, health checks) with a small inline script for filters, sorting and self-refresh. No external request, no
 * build tool; everything read from Vault is HTML-escaped ({@link io.vaultpki.monitor.ui.Html}).
 */
package io.vaultpki.monitor.ui;

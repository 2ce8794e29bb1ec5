/**
 * Maintenance windows of exports ({@code renew-window: "Mon-Fri 02:00-04:00 Europe/Berlin"}): the parsed value and its
 * grammar ({@code RenewWindow}, {@code RenewWindowParser}), its occurrences in time under the zone's rules
 * ({@code WindowSpan}), and where a renewal was placed because of it ({@code WindowPlacement}). Pure values with no
 * dependency on the rest of the exporter; the rules that decide when a renewal waits are
 * {@code io.vaultpki.exporter.renewal.WindowedPlan}'s.
 */
package io.vaultpki.exporter.window;

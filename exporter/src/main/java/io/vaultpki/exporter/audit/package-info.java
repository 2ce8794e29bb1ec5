/**
 * The audit trail and its settings ({@code exporter.audit.*}): who touched which export, key or certificate, written
 * as one JSON line per event to a file of its own ({@link io.vaultpki.exporter.audit.FileAuditLog}), by default under
 * the export root's {@code .state/}, separate from the application log and free of secrets.
 */
package io.vaultpki.exporter.audit;

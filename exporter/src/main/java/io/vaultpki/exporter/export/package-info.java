/**
 * The exports as the API sees them, and how they come back at start-up: the API's operations on the registry
 * ({@code ExportOperations} behind {@code ExportService}) with their errors, the start-up step that recovers the export
 * directory and loads the exports once the port is bound, and the wiring of all parts.
 */
package io.vaultpki.exporter.export;

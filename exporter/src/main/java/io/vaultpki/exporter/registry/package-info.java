/**
 * The exports the exporter manages: the registry by name, each export's live state and the view of it the API and the
 * metrics read ({@code ExportStatus}), and the persisted specs of exports created through the API.
 */
package io.vaultpki.exporter.registry;

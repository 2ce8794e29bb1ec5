/**
 * Where everything lives under the export root: one directory per export with its {@code ..data} link and version
 * directories, and the exporter's own {@code .state/} (persisted API specs, writer locks, the default audit log).
 * Every such path is spelled in {@link io.vaultpki.exporter.layout.ExportLayout} and nowhere else.
 */
package io.vaultpki.exporter.layout;

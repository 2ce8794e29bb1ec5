package io.vaultpki.exporter.files;

import io.vaultpki.exporter.spec.ExportFile;

/**
 * One file of an export's current version, as listed by the API (never its contents).
 *
 * @param name        on-disk name under the export's naming profile ({@code tls.crt}, {@code key.pem})
 * @param role        what the file is
 * @param size        bytes
 * @param sha256      hex SHA-256 of the bytes
 * @param contentType media type for downloads
 * @param privateFile whether it holds key material
 */
public record StoredFile(String name, ExportFile role, long size, String sha256, String contentType, boolean privateFile) {
}

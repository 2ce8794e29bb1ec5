package io.vaultpki.exporter.files;

import java.nio.file.Path;

/**
 * Outcome of {@link ExportStore#write}.
 *
 * @param metadata         the metadata of the version {@code ..data} now points at
 * @param switched         {@code true} when a new version was written and {@code ..data} switched to it;
 *                         {@code false} when the current version already held the same files
 * @param versionDirectory the version directory {@code ..data} points at
 */
public record WriteResult(ExportMetadata metadata, boolean switched, Path versionDirectory) {
}

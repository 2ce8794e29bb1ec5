package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.spec.ExportFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One intact version directory, the exporter's only notion of "intact": its {@code metadata.json} parses, names this
 * export and this directory, and every file it lists exists as a non-empty regular file whose SHA-256 matches. The
 * current version ({@link #current}) is the one {@code ..data} points at, and only if it is intact: reads, listings,
 * adoption at start-up and the "nothing changed" check all go through it, and recovery points {@code ..data} at the
 * newest intact one.
 *
 * @param name      the directory name ({@code ..<timestamp>.<serial8>})
 * @param path      the directory
 * @param metadata  its metadata
 * @param sizes     file name → bytes, for the listing
 */
record Version(String name, Path path, ExportMetadata metadata, Map<String, Long> sizes) {

    /** The version {@code <dir>/..data} points at, if it is intact; never through a symlinked export directory. */
    static Optional<Version> current(Path dir, String export) {
        if (Files.isSymbolicLink(dir)) {
            return Optional.empty();
        }
        return ExportDirectory.currentVersion(dir).flatMap(v -> readIntact(dir, export, v));
    }

    /** Reads and checks {@code <dir>/<name>}; empty if anything about it is wrong. */
    static Optional<Version> readIntact(Path dir, String export, String name) {
        if (!ExportLayout.isVersionName(name)) {
            return Optional.empty();
        }
        Path path = dir.resolve(name);
        try {
            if (!ExportDirectory.isDirectory(path)) {
                return Optional.empty();
            }
            ExportMetadata metadata = ExportMetadata.fromJson(ExportDirectory.readRegularFile(path.resolve(ExportFile.METADATA)));
            if (!export.equals(metadata.name()) || !name.equals(metadata.version()) || metadata.files().isEmpty()) {
                return Optional.empty();
            }
            Map<String, Long> sizes = new TreeMap<>();
            for (Map.Entry<String, String> file : metadata.files().entrySet()) {
                if (!isPlainName(file.getKey())) {
                    return Optional.empty();
                }
                byte[] bytes = ExportDirectory.readRegularFile(path.resolve(file.getKey()));
                if (bytes.length == 0 || !Hashes.sha256(bytes).equals(file.getValue())) {
                    return Optional.empty();
                }
                sizes.put(file.getKey(), (long) bytes.length);
            }
            return Optional.of(new Version(name, path, metadata, sizes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A file name the metadata may list: one path segment, not metadata.json, no dot-dot. */
    static boolean isPlainName(String name) {
        return name != null && !name.isEmpty() && !name.contains("/") && !name.contains("\0") && !name.startsWith(".")
                && !ExportFile.METADATA.equals(name);
    }
}

package io.vaultpki.exporter.files;

import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.NamingProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an export's files for the API: only from its current {@link Version#current intact} version, resolved once,
 * never following a link out of the export directory. A version with any file that no longer matches its metadata
 * serves nothing, and the bytes served are checked against the metadata's hash once more as they are read.
 */
final class ExportReader {

    private static final Logger LOG = LoggerFactory.getLogger(ExportReader.class);

    private ExportReader() {
    }

    /** The current version's files (not metadata.json); empty if there is no intact version. */
    static List<StoredFile> files(Path dir, String export) {
        Optional<Version> version = Version.current(dir, export);
        if (version.isEmpty()) {
            return List.of();
        }
        List<StoredFile> out = new ArrayList<>();
        for (Map.Entry<String, String> file : version.get().metadata().files().entrySet()) {
            out.add(storedFile(file.getKey(), version.get().sizes().get(file.getKey()), file.getValue()));
        }
        return out;
    }

    /**
     * One file of the current version: one of its files or {@code metadata.json} (whose {@link StoredFile#role()} is
     * {@code null}); empty when the version is not intact, the name is not one of its files, or the bytes read no
     * longer match.
     */
    static Optional<StoredFileContent> read(Path dir, String export, String fileName) {
        if (fileName == null || !(Version.isPlainName(fileName) || ExportFile.METADATA.equals(fileName))) {
            return Optional.empty();
        }
        Optional<Version> current = Version.current(dir, export);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Version version = current.get();
        try {
            if (ExportFile.METADATA.equals(fileName)) {
                byte[] json = ExportDirectory.readRegularFile(version.path().resolve(ExportFile.METADATA));
                return Optional.of(new StoredFileContent(new StoredFile(fileName, null, json.length, Hashes.sha256(json),
                        "application/json", false), json, version.metadata().serial()));
            }
            String expected = version.metadata().files().get(fileName);
            if (expected == null) {
                return Optional.empty();
            }
            byte[] bytes = ExportDirectory.readRegularFile(version.path().resolve(fileName));
            if (!Hashes.sha256(bytes).equals(expected)) {
                LOG.warn("Not serving {}/{}/{}: its hash does not match metadata.json", export, version.name(), fileName);
                return Optional.empty();
            }
            return Optional.of(new StoredFileContent(storedFile(fileName, (long) bytes.length, expected), bytes,
                    version.metadata().serial()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static StoredFile storedFile(String name, Long size, String sha256) {
        ExportFile role = roleOf(name);
        return new StoredFile(name, role, size == null ? 0 : size, sha256,
                role == null ? "application/octet-stream" : role.contentType(), role == null || role.isPrivate());
    }

    /** Each on-disk name means the same role under every profile that uses it, so the name alone tells the role. */
    private static ExportFile roleOf(String name) {
        for (NamingProfile profile : NamingProfile.values()) {
            Optional<ExportFile> role = profile.fileFor(name);
            if (role.isPresent()) {
                return role.get();
            }
        }
        return null;
    }
}

package io.vaultpki.exporter.files;

import io.vaultpki.exporter.spec.ExportFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The version directories of one export, oldest first. Age comes from {@code written_at} (the store's Clock); a
 * version whose metadata does not parse falls back to its directory's modification time.
 */
final class VersionHistory {

    record Entry(String name, Instant writtenAt, long modifiedNanos) {
    }

    private VersionHistory() {
    }

    static List<Entry> oldestFirst(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String name : ExportDirectory.versionNames(dir)) {
            Path path = dir.resolve(name);
            long modified = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            Instant writtenAt;
            try {
                writtenAt = ExportMetadata.fromJson(ExportDirectory.readRegularFile(path.resolve(ExportFile.METADATA))).writtenAt();
            } catch (IOException | RuntimeException e) {
                writtenAt = null;
            }
            out.add(new Entry(name, writtenAt == null ? Instant.ofEpochSecond(0, modified) : writtenAt, modified));
        }
        // the modification time and name break ties of a clock that did not move between two writes
        out.sort(Comparator.comparing(Entry::writtenAt).thenComparingLong(Entry::modifiedNanos).thenComparing(Entry::name));
        return out;
    }
}

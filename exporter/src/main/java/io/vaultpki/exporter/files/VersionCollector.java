package io.vaultpki.exporter.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Removes superseded versions: the newest {@code keepVersions} old ones always stay, and any other only once it has
 * been superseded for longer than {@code grace}, so a reader that resolved {@code ..data} just before a switch can
 * still finish reading. Kubernetes' AtomicWriter deletes immediately and such readers get ENOENT; we don't.
 */
final class VersionCollector {

    private static final Logger LOG = LoggerFactory.getLogger(VersionCollector.class);

    private final int keepVersions;
    private final Duration grace;

    VersionCollector(int keepVersions, Duration grace) {
        this.keepVersions = keepVersions;
        this.grace = grace;
    }

    /** Collects every export under {@code root}, each under its lock; returns how many versions were removed. */
    int collectAll(ExportRoot root, ExportLocks locks, Instant now) {
        int removed = 0;
        for (String export : root.exportNames()) {
            Path dir = root.path().resolve(export);
            if (Files.isSymbolicLink(dir)) {
                continue;
            }
            try (ExportLocks.Handle ignored = locks.acquire(export)) {
                removed += collect(dir, now);
            } catch (IOException | ExportWriteException e) {
                LOG.warn("Removing old versions of export {} failed: {}", export, e.getMessage());
            }
        }
        return removed;
    }

    /** Returns how many version directories were removed. Does nothing while {@code ..data} is not valid. */
    int collect(Path dir, Instant now) throws IOException {
        Optional<String> current = ExportDirectory.currentVersion(dir);
        if (current.isEmpty() || !ExportDirectory.isDirectory(dir.resolve(current.get()))) {
            return 0;
        }
        List<VersionHistory.Entry> versions = VersionHistory.oldestFirst(dir);
        int currentIndex = -1;
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).name().equals(current.get())) {
                currentIndex = i;
            }
        }
        int removed = 0;
        int kept = 0;
        // walk from newest to oldest; a version was superseded when the next newer one was written
        for (int i = versions.size() - 1; i >= 0; i--) {
            VersionHistory.Entry entry = versions.get(i);
            if (i == currentIndex) {
                continue;
            }
            if (kept < keepVersions) {
                kept++;
                continue;
            }
            Instant supersededAt = i + 1 < versions.size() ? versions.get(i + 1).writtenAt() : entry.writtenAt();
            if (!now.isBefore(supersededAt.plus(grace))) {
                ExportDirectory.deleteTree(dir.resolve(entry.name()));
                removed++;
            }
        }
        return removed;
    }
}

package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.spec.ExportFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start-up repair of every export after a crash mid-write, each under its lock: temp leftovers go; a missing,
 * dangling or damaged {@code ..data} is pointed at the newest intact version; missing visible links are recreated.
 * It only ever removes leftovers and creates symlinks, so it can never produce an empty file or an empty version.
 */
final class ExportRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRecovery.class);

    /** What happened to one export; {@code current} is its intact current version's metadata (null when broken). */
    record Outcome(List<String> removed, boolean repointed, boolean broken, ExportMetadata current) {
    }

    private final AtomicVersionWriter writer;
    private final ExportRoot root;
    private final ExportLocks locks;

    ExportRecovery(AtomicVersionWriter writer, ExportRoot root, ExportLocks locks) {
        this.writer = writer;
        this.root = root;
        this.locks = locks;
    }

    /** Recovers every export under the root; an export that cannot be recovered is reported broken, never fatal. */
    RecoveryReport recoverAll() {
        List<String> removed = new ArrayList<>();
        List<String> repointed = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Map<String, ExportMetadata> current = new HashMap<>();
        root.prepare();
        for (String export : root.exportNames()) {
            Path dir = root.path().resolve(export);
            if (Files.isSymbolicLink(dir)) {
                LOG.warn("Export directory {} is a symlink; the exporter will not write through it", dir);
                broken.add(export);
                continue;
            }
            try (ExportLocks.Handle ignored = locks.acquire(export)) {
                Outcome outcome = recover(dir, export);
                removed.addAll(outcome.removed());
                if (outcome.repointed()) {
                    repointed.add(export);
                }
                if (outcome.broken()) {
                    broken.add(export);
                } else {
                    current.put(export, outcome.current());
                }
            } catch (IOException | ExportWriteException e) {
                LOG.warn("Recovery of export {} failed: {}", export, e.getMessage());
                broken.add(export);
            }
        }
        return new RecoveryReport(removed, repointed, broken, current);
    }

    Outcome recover(Path dir, String export) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String entry : ExportDirectory.entries(dir)) {
            Path p = dir.resolve(entry);
            boolean leftover = entry.startsWith(ExportLayout.TMP_PREFIX)
                    || (entry.equals(ExportLayout.DATA_TMP) && Files.isSymbolicLink(p));
            if (leftover) {
                ExportDirectory.deleteTree(p);
                removed.add(export + "/" + entry);
            }
        }
        if (!removed.isEmpty()) {
            ExportDirectory.fsync(dir);
        }
        Path data = dir.resolve(ExportLayout.DATA);
        if (Files.exists(data, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(data)) {
            return new Outcome(removed, false, true, null); // not ours to replace
        }
        Optional<Version> current = Version.current(dir, export);
        boolean repointed = false;
        if (current.isEmpty()) {
            current = newestIntact(dir, export);
            if (current.isEmpty()) {
                return new Outcome(removed, false, true, null);
            }
            writer.switchTo(dir, current.get().name());
            repointed = true;
        }
        List<String> names = new ArrayList<>(current.get().metadata().files().keySet());
        names.add(ExportFile.METADATA);
        VisibleLinks.sync(dir, names, false);
        return new Outcome(removed, repointed, false, current.get().metadata());
    }

    private static Optional<Version> newestIntact(Path dir, String export) throws IOException {
        List<VersionHistory.Entry> versions = new ArrayList<>(VersionHistory.oldestFirst(dir));
        Collections.reverse(versions);
        for (VersionHistory.Entry entry : versions) {
            Optional<Version> v = Version.readIntact(dir, export, entry.name());
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}

package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The export directory tree under the export root ({@link ExportLayout}): {@code <root>/<name>/..data ->
 * ..<ts>.<serial8>/} with one stable relative link per file. Writes render and validate everything in memory first,
 * then write a complete new version and switch {@code ..data} with one {@code rename(2)}, so a reader that resolves
 * {@code ..data} once never sees a certificate of one version with the key of another. Reads, listings and the
 * adoption of files at start-up see only the current {@link Version intact} version.
 *
 * <p>Thread-safe. One writer per export at a time, also across processes (a file lock under {@code .state/locks}).
 * Only POSIX file systems are supported.
 */
public final class ExportStore {

    private static final Logger LOG = LoggerFactory.getLogger(ExportStore.class);
    private static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);

    private final FileSettings settings;
    private final ExportLayout layout;
    private final Clock clock;
    private final ExportRoot root;
    private final FileSetRenderer renderer;
    private final MaterialValidator validator;
    private final AtomicVersionWriter writer;
    private final VersionCollector collector;
    private final ExportRecovery recovery;
    private final ExportLocks locks;

    public ExportStore(FileSettings settings, Clock clock) {
        this(settings, clock, DEFAULT_LOCK_WAIT);
    }

    ExportStore(FileSettings settings, Clock clock, Duration lockWait) {
        FilePermissions permissions = new FilePermissions(settings);
        this.settings = settings;
        this.layout = new ExportLayout(settings.root());
        this.clock = clock;
        this.root = new ExportRoot(layout, permissions);
        this.renderer = new FileSetRenderer(settings.secrets());
        this.validator = new MaterialValidator(settings.secrets());
        this.writer = new AtomicVersionWriter(permissions);
        this.collector = new VersionCollector(settings.keepVersions(), settings.grace());
        this.locks = new ExportLocks(layout, lockWait);
        this.recovery = new ExportRecovery(writer, root, locks);
    }

    /**
     * Problems of {@code spec} with this store's secrets, found before Vault is asked: the {@code pkcs12} format
     * without a password, {@code combined} with a key passphrase (it cannot hold an encrypted key).
     */
    public List<FieldError> unmetPreconditions(ExportSpec spec) {
        return FormatRequirements.unmet(spec, settings.secrets());
    }

    public Path root() {
        return settings.root();
    }

    /**
     * What occupies {@code <root>/<name>} that the exporter did not make: entries other than {@code ..data},
     * version and temp directories, and its own visible links; or the path itself when it is not a plain directory.
     * Empty when the path does not exist or holds only exporter-made entries. An API export is never created over
     * such a path: a {@code write} token must not be able to take over (and later purge) a directory the operator
     * keeps under the export root, such as the audit log's.
     */
    public List<String> foreignEntries(String exportName) {
        Path dir = directory(exportName);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        if (Files.isSymbolicLink(dir) || !ExportDirectory.isDirectory(dir)) {
            return List.of(exportName + " (not a directory)");
        }
        try {
            List<String> out = new ArrayList<>();
            for (String entry : ExportDirectory.entries(dir)) {
                if (!VisibleLinks.isExporterMade(dir, entry)) {
                    out.add(entry);
                }
            }
            out.sort(null);
            return out;
        } catch (IOException e) {
            return List.of(exportName + " (unreadable: " + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code <root>/<name>}; the name must be a valid export name (it becomes a directory name). */
    public Path directory(String exportName) {
        return layout.exportDirectory(exportName);
    }

    /**
     * Renders every file of {@code spec.files()} and {@code metadata.json} from {@code material}, validates them in
     * memory (throws {@link InvalidMaterialException} with nothing touched), then writes a new version and switches
     * {@code ..data}. When the current intact version has the same spec hash and the same file contents, writes
     * nothing and returns {@code switched=false}.
     *
     * @throws ExportWriteException on I/O failure, a held lock, or a name occupied by something not ours
     */
    public WriteResult write(ExportSpec spec, CertificateMaterial material, Instant renewAt, boolean lifetimeShortened) {
        Path dir = directory(spec.name());
        List<RenderedFile> files = renderer.render(spec, material);
        validator.validate(spec, material, files);
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.name()));
        names.add(ExportFile.METADATA);
        root.prepare();
        try (ExportLocks.Handle ignored = locks.acquire(spec.name())) {
            root.prepareExportDirectory(dir);
            VisibleLinks.requireOurs(dir, names);
            Optional<Version> current = Version.current(dir, spec.name());
            if (current.isPresent() && UnchangedFiles.sameAsCurrent(spec, current.get(), files, material, settings.secrets())) {
                VisibleLinks.sync(dir, names, true);
                return new WriteResult(current.get().metadata(), false, current.get().path());
            }
            Instant writtenAt = clock.instant();
            String version = ExportDirectory.newVersionName(dir, writtenAt, material.serialNumber());
            Map<String, String> hashes = new LinkedHashMap<>();
            files.forEach(f -> hashes.put(f.name(), f.sha256()));
            ExportMetadata metadata = MetadataFactory.build(spec, material, renewAt, lifetimeShortened, version,
                    writtenAt, hashes);
            Path versionDirectory = writer.writeVersion(dir, version, files, metadata.toJson());
            writer.switchTo(dir, version);
            VisibleLinks.sync(dir, names, true);
            recordReplaced(spec, dir, current, metadata);
            LOG.info("Export {} switched to {} (serial {})", spec.name(), version, material.serialNumber());
            return new WriteResult(metadata, true, versionDirectory);
        } catch (IOException e) {
            throw new ExportWriteException("writing export " + spec.name() + " under " + dir + " failed: " + e, e);
        }
    }

    /**
     * revoke-previous: the certificate this switch replaced (from the replaced version's own metadata, minted by issue
     * or sign, not the new one) waits in the ledger until the readers' grace has passed. A failure to record it never
     * undoes the switch: that certificate then simply stays valid until it expires, and the log says so.
     */
    private void recordReplaced(ExportSpec spec, Path dir, Optional<Version> replaced, ExportMetadata switchedTo) {
        if (!spec.revokePrevious() || !spec.source().renews() || replaced.isEmpty()) {
            return;
        }
        ExportMetadata old = replaced.get().metadata();
        boolean minted = Source.parse(old.source()).map(Source::renews).orElse(false);
        if (!minted || old.serial() == null || old.serial().equals(switchedTo.serial())) {
            return;
        }
        Instant at = switchedTo.writtenAt();
        try {
            RevocationLedger.write(dir, RevocationLedger.read(dir).plus(PendingRevocation.of(old, at, at.plus(settings.grace()))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Export {}: replaced certificate {} could not be recorded for revocation ({}); it stays valid until it"
                    + " expires", spec.name(), old.serial(), e.getMessage());
        }
    }

    /** The export's revocation ledger: replaced certificates still to revoke and the last outcome. */
    public RevocationRecord revocations(String exportName) {
        try {
            return RevocationLedger.read(directory(exportName));
        } catch (IOException e) {
            throw new ExportWriteException("reading the revocations of export " + exportName + " failed: " + e, e);
        }
    }

    /** Changes the export's revocation ledger under its lock (waiting for a write underway); returns the new one. */
    public RevocationRecord updateRevocations(String exportName, UnaryOperator<RevocationRecord> change) {
        Path dir = directory(exportName);
        root.prepare();
        try (ExportLocks.Handle ignored = locks.acquire(exportName)) {
            if (!ExportDirectory.isDirectory(dir)) {
                return RevocationRecord.EMPTY; // purged meanwhile: nothing to keep
            }
            RevocationRecord updated = change.apply(RevocationLedger.read(dir));
            RevocationLedger.write(dir, updated);
            return updated;
        } catch (IOException e) {
            throw new ExportWriteException("writing the revocations of export " + exportName + " failed: " + e, e);
        }
    }

    /** Drops the export's revocation ledger: a deleted export's replaced certificates are never revoked. */
    public void forgetRevocations(String exportName) {
        Path dir = directory(exportName);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        root.prepare();
        try (ExportLocks.Handle ignored = locks.acquire(exportName)) {
            RevocationLedger.delete(dir);
        } catch (IOException e) {
            throw new ExportWriteException("removing the revocations of export " + exportName + " failed: " + e, e);
        }
    }

    /** How long a superseded version stays for readers ({@code exporter.files.grace}); revocations wait as long. */
    public Duration grace() {
        return settings.grace();
    }

    /** Metadata of the version {@code ..data} points at, only if that version is intact. */
    public Optional<ExportMetadata> current(String exportName) {
        return Version.current(directory(exportName), exportName).map(Version::metadata);
    }

    /** Whether {@code ..data} resolves, its metadata parses and every file's hash matches. */
    public boolean isIntact(String exportName) {
        return current(exportName).isPresent();
    }

    /** The current version's files (not metadata.json); empty if there is no intact version. */
    public List<StoredFile> files(String exportName) {
        return ExportReader.files(directory(exportName), exportName);
    }

    /**
     * One file of the current intact version, read from that single resolved version directory without following
     * links: one of its files or {@code metadata.json} (whose {@link StoredFile#role()} is {@code null}).
     */
    public Optional<StoredFileContent> read(String exportName, String fileName) {
        return ExportReader.read(directory(exportName), exportName, fileName);
    }

    /**
     * Removes the export's directory tree. Symlinks inside it are removed as links, never followed; if
     * {@code <root>/<name>} itself is a symlink, only that link goes.
     */
    public boolean purge(String exportName) {
        Path dir = directory(exportName);
        root.prepare();
        try (ExportLocks.Handle ignored = locks.acquire(exportName)) {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            ExportDirectory.deleteTree(dir);
            ExportDirectory.fsync(settings.root());
            LOG.info("Export {} purged", exportName);
            return true;
        } catch (IOException e) {
            throw new ExportWriteException("purging export " + exportName + " under " + dir + " failed: " + e, e);
        }
    }

    /** At start-up: removes temp leftovers, repoints missing or dangling {@code ..data}, repairs visible links. */
    public RecoveryReport recover() {
        return recovery.recoverAll();
    }

    /** Removes versions beyond {@code keepVersions} that were superseded longer than {@code grace} ago. */
    public int collectGarbage() {
        return collector.collectAll(root, locks, clock.instant());
    }

    /**
     * Prepares the root and takes the lock of one-shot runs ({@link ExportLayout#onceLockFile()}), waiting at most
     * {@code wait}; see {@link DirectoryLock#acquire}.
     */
    public DirectoryLock lockForOnce(Duration wait) {
        root.prepare();
        return DirectoryLock.acquire(layout.onceLockFile(), wait);
    }

    /** The per-export writer lock, for tests that play a second writer or replica. */
    ExportLocks locks() {
        return locks;
    }
}

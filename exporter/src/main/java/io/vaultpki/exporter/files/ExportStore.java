package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.NamingProfile;
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

/**
 * The export directory tree under the export root: {@code <root>/<name>/..data -> ..<ts>.<serial8>/} with one
 * stable relative link per file. Writes render and validate everything in memory first, then write a complete new
 * version and switch {@code ..data} with one {@code rename(2)}, so a reader that resolves {@code ..data} once never
 * sees a certificate of one version with the key of another. Reads resolve one version and never follow a link out
 * of the export directory.
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
    private final FilePermissions permissions;
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
        this.settings = settings;
        this.layout = new ExportLayout(settings.root());
        this.clock = clock;
        this.permissions = new FilePermissions(settings);
        this.renderer = new FileSetRenderer(settings.secrets());
        this.validator = new MaterialValidator(settings.secrets());
        this.writer = new AtomicVersionWriter(permissions);
        this.collector = new VersionCollector(settings.keepVersions(), settings.grace());
        this.recovery = new ExportRecovery(writer);
        this.locks = new ExportLocks(layout, lockWait);
    }

    /**
     * Problems of {@code spec} with this store's secrets, found before Vault is asked: the {@code pkcs12} format
     * without a password, {@code combined} with a key passphrase (it cannot hold an encrypted key).
     */
    public List<FieldError> unmetPreconditions(ExportSpec spec) {
        List<FieldError> problems = new java.util.ArrayList<>();
        if (spec.files().contains(ExportFile.BUNDLE_P12) && settings.secrets().pkcs12Password().isEmpty()) {
            problems.add(new FieldError("formats", "pkcs12 needs a password: the exporter has no "
                    + "exporter.files.pkcs12-password or exporter.files.pkcs12-password-file"));
        }
        if (spec.files().contains(ExportFile.COMBINED_PEM) && settings.secrets().keyPassphrase().isPresent()) {
            problems.add(new FieldError("formats", "combined cannot hold an encrypted key, and "
                    + "exporter.files.key-passphrase is set"));
        }
        return problems;
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
        prepareRoot();
        try (ExportLocks.Handle ignored = locks.acquire(spec.name())) {
            prepareExportDirectory(dir);
            VisibleLinks.requireOurs(dir, names);
            Optional<Version> current = currentVersion(dir, spec.name());
            if (current.isPresent() && unchanged(spec, current.get(), files, material)) {
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
            LOG.info("Export {} switched to {} (serial {})", spec.name(), version, material.serialNumber());
            return new WriteResult(metadata, true, versionDirectory);
        } catch (IOException e) {
            throw new ExportWriteException("writing export " + spec.name() + " under " + dir + " failed: " + e, e);
        }
    }

    /** Metadata of the version {@code ..data} points at, only if that version is intact. */
    public Optional<ExportMetadata> current(String exportName) {
        return currentVersion(directory(exportName), exportName).map(Version::metadata);
    }

    /** Whether {@code ..data} resolves, its metadata parses and every file's hash matches. */
    public boolean isIntact(String exportName) {
        return current(exportName).isPresent();
    }

    /** The current version's files (not metadata.json); empty if there is no intact version. */
    public List<StoredFile> files(String exportName) {
        Optional<Version> version = currentVersion(directory(exportName), exportName);
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
     * One file of the current version, read from a single resolved version directory without following links.
     * {@code fileName} must be one of that version's files or {@code metadata.json} (whose {@link StoredFile#role()}
     * is {@code null}); a file whose hash no longer matches its metadata is not served.
     */
    public Optional<StoredFileContent> read(String exportName, String fileName) {
        Path dir = directory(exportName);
        if (fileName == null || !(Version.isPlainName(fileName) || ExportFile.METADATA.equals(fileName))
                || Files.isSymbolicLink(dir)) {
            return Optional.empty();
        }
        Optional<String> versionName = ExportDirectory.currentVersion(dir);
        if (versionName.isEmpty()) {
            return Optional.empty();
        }
        Path versionDir = dir.resolve(versionName.get());
        try {
            if (!ExportDirectory.isDirectory(versionDir)) {
                return Optional.empty();
            }
            byte[] json = ExportDirectory.readRegularFile(versionDir.resolve(ExportFile.METADATA));
            ExportMetadata metadata = ExportMetadata.fromJson(json);
            if (ExportFile.METADATA.equals(fileName)) {
                return Optional.of(new StoredFileContent(new StoredFile(fileName, null, json.length, Hashes.sha256(json),
                        "application/json", false), json, metadata.serial()));
            }
            String expected = metadata.files().get(fileName);
            if (expected == null) {
                return Optional.empty();
            }
            byte[] bytes = ExportDirectory.readRegularFile(versionDir.resolve(fileName));
            if (!Hashes.sha256(bytes).equals(expected)) {
                LOG.warn("Not serving {}/{}/{}: its hash does not match metadata.json", exportName, versionName.get(), fileName);
                return Optional.empty();
            }
            return Optional.of(new StoredFileContent(storedFile(fileName, (long) bytes.length, expected), bytes,
                    metadata.serial()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the export's directory tree. Symlinks inside it are removed as links, never followed; if
     * {@code <root>/<name>} itself is a symlink, only that link goes.
     */
    public boolean purge(String exportName) {
        Path dir = directory(exportName);
        prepareRoot();
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
        List<String> removed = new ArrayList<>();
        List<String> repointed = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        prepareRoot();
        for (String export : exportNames()) {
            Path dir = layout.exportDirectory(export);
            if (Files.isSymbolicLink(dir)) {
                LOG.warn("Export directory {} is a symlink; the exporter will not write through it", dir);
                broken.add(export);
                continue;
            }
            try (ExportLocks.Handle ignored = locks.acquire(export)) {
                ExportRecovery.Outcome outcome = recovery.recover(dir, export);
                removed.addAll(outcome.removed());
                if (outcome.repointed()) {
                    repointed.add(export);
                }
                if (outcome.broken()) {
                    broken.add(export);
                }
            } catch (IOException | ExportWriteException e) {
                LOG.warn("Recovery of export {} failed: {}", export, e.getMessage());
                broken.add(export);
            }
        }
        RecoveryReport report = new RecoveryReport(removed, repointed, broken);
        if (!removed.isEmpty() || !repointed.isEmpty() || !broken.isEmpty()) {
            LOG.warn("Export recovery: {}", report);
        }
        return report;
    }

    /** Removes versions beyond {@code keepVersions} that were superseded longer than {@code grace} ago. */
    public int collectGarbage() {
        int removed = 0;
        for (String export : exportNames()) {
            Path dir = layout.exportDirectory(export);
            if (Files.isSymbolicLink(dir)) {
                continue;
            }
            try (ExportLocks.Handle ignored = locks.acquire(export)) {
                removed += collector.collect(dir, clock.instant());
            } catch (IOException | ExportWriteException e) {
                LOG.warn("Removing old versions of export {} failed: {}", export, e.getMessage());
            }
        }
        return removed;
    }

    /** The per-export writer lock, for tests that play a second writer or replica. */
    ExportLocks locks() {
        return locks;
    }

    private List<String> exportNames() {
        if (!ExportDirectory.isDirectory(settings.root())) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String entry : ExportDirectory.entries(settings.root())) {
                Path p = settings.root().resolve(entry);
                // .state and anything a human dropped here are not exports
                if (ExportLayout.isExportName(entry) && (ExportDirectory.isDirectory(p) || Files.isSymbolicLink(p))) {
                    out.add(entry);
                }
            }
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new ExportWriteException("cannot list the export root " + settings.root() + ": " + e, e);
        }
    }

    private Optional<Version> currentVersion(Path dir, String export) {
        if (Files.isSymbolicLink(dir)) {
            return Optional.empty();
        }
        return ExportDirectory.currentVersion(dir).flatMap(v -> Version.readIntact(dir, export, v));
    }

    private boolean unchanged(ExportSpec spec, Version current, List<RenderedFile> files, CertificateMaterial material) {
        ExportMetadata metadata = current.metadata();
        if (!spec.specHash().equals(metadata.specHash()) || metadata.files().size() != files.size()) {
            return false;
        }
        for (RenderedFile file : files) {
            String hash = metadata.files().get(file.name());
            if (hash == null) {
                return false;
            }
            if (!file.randomized(settings.secrets())) {
                if (!hash.equals(file.sha256())) {
                    return false;
                }
                continue;
            }
            try {
                byte[] onDisk = ExportDirectory.readRegularFile(current.path().resolve(file.name()));
                FileContent content = FileContent.parse(file.role(), onDisk, settings.secrets());
                if (!content.sameAs(FileContent.expected(file.role(), material))) {
                    return false;
                }
            } catch (IOException e) {
                // a rotated password no longer opens it: rewrite
                return false;
            }
        }
        return true;
    }

    private void prepareRoot() {
        Path root = settings.root();
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = root.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    permissions.createDirectory(root, FilePermissions.DIRECTORY, true);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another store created it first
                }
            }
            ensurePrivateDirectory(layout.stateDirectory());
            ensurePrivateDirectory(layout.locksDirectory());
        } catch (IOException e) {
            throw new ExportWriteException("cannot prepare the export root " + root + ": " + e, e);
        }
    }

    private void ensurePrivateDirectory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir) || (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !ExportDirectory.isDirectory(dir))) {
            throw new ExportWriteException("refusing to use " + dir + ": it is not a directory");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                permissions.createDirectory(dir, FilePermissions.PRIVATE_DIRECTORY, false);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another store created it first
            }
        }
    }

    private void prepareExportDirectory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new ExportWriteException("refusing to write: the export directory " + dir + " is a symlink");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!ExportDirectory.isDirectory(dir)) {
                throw new ExportWriteException("refusing to write: " + dir + " exists and is not a directory");
            }
            return;
        }
        permissions.createDirectory(dir, FilePermissions.DIRECTORY, true);
        ExportDirectory.fsync(settings.root());
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

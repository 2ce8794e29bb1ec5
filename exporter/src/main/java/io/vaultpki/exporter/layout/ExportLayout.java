package io.vaultpki.exporter.layout;

import io.vaultpki.exporter.spec.SpecValidator;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every path under the export root ({@code exporter.path}, {@code CERT_EXPORT_PATH}), in one place:
 * <pre>
 * &lt;root&gt;/
 *   &lt;export&gt;/                      one directory per export, named after it
 *     ..data -&gt; ..&lt;ts&gt;.&lt;serial8&gt;  the current version, switched by rename(2)
 *     ..data_tmp                   the new link, before that rename
 *     ..&lt;ts&gt;.&lt;serial8&gt;[-n]/       one immutable version
 *     .tmp-&lt;uuid&gt;/                 a version being written
 *     ..revocations.json           replaced certificates still to revoke (revoke-previous), the last outcome
 *   .state/                        the exporter's own (0700)
 *     specs/&lt;export&gt;.json         exports created through the API
 *     locks/&lt;export&gt;.lock         one writer per export, also across processes
 *     audit.log                    the audit log, unless exporter.audit.path says otherwise
 * </pre>
 * An entry of the root is an export only when its name is a valid export name, so {@code .state} and anything else
 * that starts with a dot never is.
 */
public final class ExportLayout {

    /** The export root when {@code exporter.path} is not set. */
    public static final String DEFAULT_ROOT = "/exported-certs";

    /** The link to the current version inside an export directory. */
    public static final String DATA = "..data";
    /** The fresh link renamed over {@link #DATA}. */
    public static final String DATA_TMP = "..data_tmp";
    /**
     * The export's revocation ledger: serials of certificates a switch replaced, read from the export's own
     * {@code metadata.json}, waiting to be revoked (revoke-previous), and the last revocation's outcome. In the export
     * directory, so a purge drops it with the files.
     */
    public static final String REVOCATIONS = "..revocations.json";
    /** Prefix of temporary directories and files (a version or a spec being written); recovery removes them. */
    public static final String TMP_PREFIX = ".tmp-";

    private static final String STATE = ".state";
    private static final String SPECS = "specs";
    private static final String LOCKS = "locks";
    private static final String AUDIT_LOG = "audit.log";
    private static final String SPEC_SUFFIX = ".json";
    private static final String LOCK_SUFFIX = ".lock";

    private static final Pattern VERSION = Pattern.compile(
            "^\\.\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}Z\\.[0-9a-f]{1,8}(-\\d{1,6})?$");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH.mm.ss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public ExportLayout(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The export root. */
    public Path root() {
        return root;
    }

    /** {@code <root>/<name>}; the name must be a valid export name, since it becomes a directory name. */
    public Path exportDirectory(String exportName) {
        if (!isExportName(exportName)) {
            throw new IllegalArgumentException("not a valid export name: " + exportName);
        }
        return root.resolve(exportName);
    }

    /** {@code <root>/<name>/..revocations.json}: the export's revocation ledger. */
    public Path revocationsFile(String exportName) {
        return exportDirectory(exportName).resolve(REVOCATIONS);
    }

    /** Whether an entry of the root can be an export's directory (never {@code .state}). */
    public static boolean isExportName(String entry) {
        return SpecValidator.isValidName(entry);
    }

    /** {@code <root>/.state}: the exporter's own files, 0700. */
    public Path stateDirectory() {
        return root.resolve(STATE);
    }

    /** {@code <root>/.state/specs}: the specs of exports created through the API. */
    public Path specsDirectory() {
        return stateDirectory().resolve(SPECS);
    }

    /** {@code <root>/.state/specs/<name>.json}. */
    public Path specFile(String exportName) {
        return specsDirectory().resolve(exportName + SPEC_SUFFIX);
    }

    /** A fresh temporary name in {@link #specsDirectory()}, renamed over a spec file once written. */
    public Path temporarySpecFile() {
        return specsDirectory().resolve(TMP_PREFIX + UUID.randomUUID() + SPEC_SUFFIX);
    }

    /** The export name a spec file stands for, or {@code null} when the file name is not {@code <name>.json}. */
    public static String exportOfSpecFile(Path specFile) {
        String file = specFile.getFileName().toString();
        if (!file.endsWith(SPEC_SUFFIX)) {
            return null;
        }
        String name = file.substring(0, file.length() - SPEC_SUFFIX.length());
        return isExportName(name) ? name : null;
    }

    /** The glob that lists spec files in {@link #specsDirectory()}. */
    public static String specFileGlob() {
        return "*" + SPEC_SUFFIX;
    }

    /** {@code <root>/.state/locks}: one lock file per export. */
    public Path locksDirectory() {
        return stateDirectory().resolve(LOCKS);
    }

    /** {@code <root>/.state/locks/<name>.lock}. */
    public Path lockFile(String exportName) {
        return locksDirectory().resolve(exportName + LOCK_SUFFIX);
    }

    /**
     * {@code <root>/.state/once.lock}: held by a one-shot run ({@code --once}) for its whole run, so two of them on
     * one directory never interleave. Outside {@link #locksDirectory()}, so no export name can collide with it.
     */
    public Path onceLockFile() {
        return stateDirectory().resolve("once" + LOCK_SUFFIX);
    }

    /** {@code <root>/.state/audit.log}: the audit log unless {@code exporter.audit.path} is set. */
    public Path defaultAuditLog() {
        return stateDirectory().resolve(AUDIT_LOG);
    }

    /** Whether {@code name} is a version directory's name, {@code ..<timestamp>.<serial8>[-n]}. */
    public static boolean isVersionName(String name) {
        return name != null && VERSION.matcher(name).matches();
    }

    /**
     * The name of a version written at {@code writtenAt} for {@code serial} ({@code ..2026-11-23T10.00.00Z.3a1f9c01}):
     * the UTC time and the first 8 hex digits of the serial. {@code attempt} 1 is the plain name; 2, 3, ... add
     * {@code -2}, {@code -3}, ... for a second version of the same serial in the same second.
     */
    public static String versionName(Instant writtenAt, String serial, int attempt) {
        String hex = serial.replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
        String base = ".." + TIMESTAMP.format(writtenAt) + "." + (hex.length() > 8 ? hex.substring(0, 8) : hex);
        return attempt <= 1 ? base : base + "-" + attempt;
    }

    @Override
    public String toString() {
        return "ExportLayout[" + root + "]";
    }
}

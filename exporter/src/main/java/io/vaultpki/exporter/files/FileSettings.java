package io.vaultpki.exporter.files;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Exporter-wide file settings: where exports live, who may read private keys, and how long old versions stay for
 * readers that resolved them just before a switch.
 *
 * @param root         the export root ({@code CERT_EXPORT_PATH}); created 0750 when missing
 * @param group        group set on export directories and files (sidecar readers); {@code null} keeps the process's
 * @param keyMode      mode of private files: 0600, or 0640 so that {@code group} can read keys; never world bits
 * @param keepVersions old versions kept beside the current one, at least 1
 * @param grace        how long a superseded version stays at least, so a reader that just resolved it finishes
 * @param secrets      PKCS#12 password and key-encryption passphrase
 */
public record FileSettings(Path root, String group, Set<PosixFilePermission> keyMode, int keepVersions,
                           Duration grace, FileSecrets secrets) {

    static final Set<PosixFilePermission> MODE_0600 = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> MODE_0640 = PosixFilePermissions.fromString("rw-r-----");

    public FileSettings {
        Objects.requireNonNull(root, "root");
        keyMode = keyMode == null ? MODE_0600 : Set.copyOf(keyMode);
        if (!keyMode.equals(MODE_0600) && !keyMode.equals(MODE_0640)) {
            throw new IllegalArgumentException("private file mode must be 0600 or 0640, was "
                    + PosixFilePermissions.toString(keyMode));
        }
        if (keepVersions < 1) {
            throw new IllegalArgumentException("keep-versions must be at least 1, was " + keepVersions);
        }
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        group = group == null || group.isBlank() ? null : group.trim();
        secrets = secrets == null ? FileSecrets.none() : secrets;
    }

    /** No group, keys 0600, one old version kept for two minutes, no passwords. */
    public static FileSettings defaults(Path root) {
        return new FileSettings(root, null, MODE_0600, 1, Duration.ofMinutes(2), FileSecrets.none());
    }
}

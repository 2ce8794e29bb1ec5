package io.vaultpki.exporter.files;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Modes and group of everything the exporter creates. Modes are always set explicitly after creation, because the
 * creation attribute is filtered by the process umask (Kubernetes' AtomicWriter does the same with {@code os.Chmod}).
 */
final class FilePermissions {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Set<PosixFilePermission> keyMode;
    private final String groupName;
    private volatile GroupPrincipal group;

    FilePermissions(FileSettings settings) {
        this.keyMode = settings.keyMode();
        this.groupName = settings.group();
    }

    Set<PosixFilePermission> fileMode(boolean privateFile) {
        return privateFile ? keyMode : PUBLIC_FILE;
    }

    /** Creates {@code dir} (parent must exist) with exactly {@code mode} and, for shared directories, the group. */
    void createDirectory(Path dir, Set<PosixFilePermission> mode, boolean withGroup) throws IOException {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode));
        apply(dir, mode, withGroup);
    }

    /** Sets mode and (when configured and asked for) the group, never following a symlink at {@code path}. */
    void apply(Path path, Set<PosixFilePermission> mode, boolean withGroup) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new ExportWriteException("the export root's file system has no POSIX permissions: " + path);
        }
        if (withGroup && groupName != null) {
            view.setGroup(group(path.getFileSystem()));
        }
        view.setPermissions(mode);
    }

    private GroupPrincipal group(FileSystem fs) throws IOException {
        GroupPrincipal g = group;
        if (g == null) {
            try {
                g = fs.getUserPrincipalLookupService().lookupPrincipalByGroupName(groupName);
            } catch (IOException e) {
                throw new ExportWriteException("group " + groupName + " (exporter group setting) does not exist", e);
            }
            group = g;
        }
        return g;
    }
}

package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The export root on disk: created with its private {@code .state/} and {@code .state/locks/} before the first lock
 * or write, one directory per export, and the list of exports found there. Never writes through a symlink where a
 * directory belongs.
 */
final class ExportRoot {

    private final ExportLayout layout;
    private final FilePermissions permissions;

    ExportRoot(ExportLayout layout, FilePermissions permissions) {
        this.layout = layout;
        this.permissions = permissions;
    }

    Path path() {
        return layout.root();
    }

    /** Creates the root (0750, with the group) and its private state and lock directories (0700) when missing. */
    void prepare() {
        Path root = layout.root();
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = root.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    permissions.createDirectory(root, FilePermissions.DIRECTORY, true);
                } catch (FileAlreadyExistsException raced) {
                    // another store created it first
                }
            }
            ensurePrivateDirectory(layout.stateDirectory());
            ensurePrivateDirectory(layout.locksDirectory());
        } catch (IOException e) {
            throw new ExportWriteException("cannot prepare the export root " + root + ": " + e, e);
        }
    }

    /** Creates an export's directory when missing; refuses a symlink or a non-directory in its place. */
    void prepareExportDirectory(Path dir) throws IOException {
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
        ExportDirectory.fsync(layout.root());
    }

    /** The names of the exports under the root, sorted: directories (or symlinks) with an export's name. */
    List<String> exportNames() {
        Path root = layout.root();
        if (!ExportDirectory.isDirectory(root)) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String entry : ExportDirectory.entries(root)) {
                Path p = root.resolve(entry);
                // .state and anything a human dropped here are not exports
                if (ExportLayout.isExportName(entry) && (ExportDirectory.isDirectory(p) || Files.isSymbolicLink(p))) {
                    out.add(entry);
                }
            }
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new ExportWriteException("cannot list the export root " + root + ": " + e, e);
        }
    }

    private void ensurePrivateDirectory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir) || (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !ExportDirectory.isDirectory(dir))) {
            throw new ExportWriteException("refusing to use " + dir + ": it is not a directory");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                permissions.createDirectory(dir, FilePermissions.PRIVATE_DIRECTORY, false);
            } catch (FileAlreadyExistsException raced) {
                // another store created it first
            }
        }
    }
}

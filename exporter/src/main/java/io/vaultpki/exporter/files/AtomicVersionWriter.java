package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.spec.ExportFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Steps 2–6 of the write protocol: a private temp directory, every file created new (never through a link) with
 * its final mode and group set before the first byte, fsynced; metadata.json last; the directory renamed to its
 * version name; then {@code ..data} replaced by one {@code rename(2)} of a fresh relative symlink.
 */
final class AtomicVersionWriter {

    private final FilePermissions permissions;

    AtomicVersionWriter(FilePermissions permissions) {
        this.permissions = permissions;
    }

    /** Writes {@code <dir>/<version>} completely, or leaves nothing but a {@code .tmp-*} that recovery removes. */
    Path writeVersion(Path dir, String version, List<RenderedFile> files, byte[] metadataJson) throws IOException {
        Path tmp = dir.resolve(ExportLayout.TMP_PREFIX + UUID.randomUUID());
        permissions.createDirectory(tmp, FilePermissions.PRIVATE_DIRECTORY, false);
        try {
            for (RenderedFile file : files) {
                writeFile(tmp.resolve(file.name()), file.bytes(), permissions.fileMode(file.role().isPrivate()));
            }
            writeFile(tmp.resolve(ExportFile.METADATA), metadataJson, FilePermissions.PUBLIC_FILE);
            permissions.apply(tmp, FilePermissions.DIRECTORY, true);
            ExportDirectory.fsync(tmp);
            Path target = dir.resolve(version);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            ExportDirectory.fsync(dir);
            return target;
        } catch (IOException | RuntimeException e) {
            try {
                ExportDirectory.deleteTree(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Points {@code ..data} at {@code version} atomically: readers see the old or the new set, never a mix. */
    void switchTo(Path dir, String version) throws IOException {
        Path dataTmp = dir.resolve(ExportLayout.DATA_TMP);
        Files.deleteIfExists(dataTmp); // a leftover link of a crashed switch; a directory here fails, as it should
        Files.createSymbolicLink(dataTmp, Path.of(version));
        Files.move(dataTmp, dir.resolve(ExportLayout.DATA), StandardCopyOption.ATOMIC_MOVE);
        ExportDirectory.fsync(dir);
    }

    private void writeFile(Path file, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        try (FileChannel channel = FileChannel.open(file, java.util.Set.<java.nio.file.OpenOption>of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(mode))) {
            // before any content: the creation mode went through the umask, so set the real one (and group) now
            permissions.apply(file, mode, true);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}

package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Safe reads and writes inside one export directory, whose names {@link ExportLayout} owns. Every read refuses
 * symlinks except {@code ..data}, whose target must be a bare version name (never absolute, never leaving the
 * directory).
 */
final class ExportDirectory {

    private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private ExportDirectory() {
    }

    /** A fresh version name for {@code serial} at {@code at}, suffixed when the same second and serial exist. */
    static String newVersionName(Path dir, Instant at, String serial) {
        String name = ExportLayout.versionName(at, serial, 1);
        for (int i = 2; Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS); i++) {
            name = ExportLayout.versionName(at, serial, i);
        }
        return name;
    }

    /** The version {@code ..data} names, if it is a symlink to a bare version name. */
    static Optional<String> currentVersion(Path dir) {
        try {
            Path target = Files.readSymbolicLink(dir.resolve(ExportLayout.DATA));
            String name = target.toString();
            return ExportLayout.isVersionName(name) && target.getNameCount() == 1 ? Optional.of(name) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Names of all version directories (real directories, not links), in no particular order. */
    static List<String> versionNames(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : entries(dir)) {
            if (ExportLayout.isVersionName(name) && isDirectory(dir.resolve(name))) {
                out.add(name);
            }
        }
        return out;
    }

    static List<String> entries(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                out.add(p.getFileName().toString());
            }
        }
        return out;
    }

    static boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Reads a regular file without following a symlink at its name; bounded so a planted device cannot hang us. */
    static byte[] readRegularFile(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new IOException("not a regular file: " + file);
        }
        if (attrs.size() > MAX_FILE_BYTES) {
            throw new IOException("file too large: " + file);
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file, java.util.Set.<java.nio.file.OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(ch.size(), MAX_FILE_BYTES));
            while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                // keep reading until the size seen at open is filled
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** Flushes a directory's entries (new names, renames) to disk. */
    static void fsync(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Deletes a tree without following any symlink in it (a link is removed as a link). */
    static void deleteTree(Path path) throws IOException {
        if (isDirectory(path)) {
            for (String name : entries(path)) {
                deleteTree(path.resolve(name));
            }
        }
        try {
            Files.delete(path);
        } catch (NoSuchFileException ignored) {
            // already gone: the goal is reached
        }
    }
}

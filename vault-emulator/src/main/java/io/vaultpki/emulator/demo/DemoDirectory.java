package io.vaultpki.emulator.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

/**
 * The one working directory of a demo, at a fixed place so that the commands in the README find it on every run:
 * {@code <tmp>/<name>}, where {@code <tmp>} is {@code $TMPDIR} when set, else {@code java.io.tmpdir} ({@code /tmp}
 * on Linux), i.e. {@code ${TMPDIR:-/tmp}/<name>} in a shell.
 * <p>
 * Claiming it empties what a previous run left (one killed with {@code kill -9} cannot clean up), and
 * {@link #close()} removes it. Because the path is predictable in a shared directory, it is used only when it is a
 * real directory (not a symbolic link) owned by the current user, and it is made {@code 0700}; a lock file inside
 * keeps a second demo of the same name from emptying the directory under the first.
 */
public final class DemoDirectory implements AutoCloseable {

    static final String LOCK_FILE = ".lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DemoDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Claims {@code <tmp>/<name>} under the temporary directory of {@link #temporaryBase(Map)}. */
    public static DemoDirectory claim(String name) {
        return claim(temporaryBase(System.getenv()), name);
    }

    /** {@code $TMPDIR} when set (as a shell's {@code ${TMPDIR:-/tmp}}), else the JVM's {@code java.io.tmpdir}. */
    public static Path temporaryBase(Map<String, String> environment) {
        String tmpdir = environment.get("TMPDIR");
        return Path.of(tmpdir != null && !tmpdir.isBlank() ? tmpdir : System.getProperty("java.io.tmpdir"));
    }

    static DemoDirectory claim(Path base, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("demo directory name must be a plain file name, was '" + name + "'");
        }
        Path dir = base.resolve(name);
        try {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException exists) {
                requireOwnDirectory(base, dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another demo is running in " + dir + "; stop it first");
            }
            deleteContents(dir);
            return new DemoDirectory(dir, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void requireOwnDirectory(Path base, Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(dir + " exists and is not a directory (or is a symbolic link); remove it "
                    + "or set TMPDIR to another directory");
        }
        UserPrincipal me = currentUser(base);
        UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(me)) {
            throw new IllegalStateException(dir + " belongs to " + owner.getName() + ", not to " + me.getName()
                    + "; remove it or set TMPDIR to another directory");
        }
    }

    /** The owner of a file this process creates: the effective user, even without a passwd entry. */
    private static UserPrincipal currentUser(Path base) throws IOException {
        Path probe = Files.createTempFile(base, ".demo-owner-", ".tmp");
        try {
            return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    public Path path() {
        return path;
    }

    /** Removes the directory with everything in it (symbolic links are removed, never followed). */
    @Override
    public void close() {
        try {
            deleteContents(path);
            Files.deleteIfExists(path.resolve(LOCK_FILE));
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(path);
        } catch (DirectoryNotEmptyException nextRun) {
            // another demo claimed the directory between the lock release and here: it is now that demo's
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot remove " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes everything under {@code dir} but the lock file; a symbolic link is deleted, not its target. */
    private static void deleteContents(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!(file.getParent().equals(dir) && file.getFileName().toString().equals(LOCK_FILE))) {
                    deleteIfPresent(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                if (!d.equals(dir)) {
                    deleteIfPresent(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfPresent(Path p) throws IOException {
        Files.deleteIfExists(p);
    }

    @Override
    public String toString() {
        return "DemoDirectory[" + path + "]";
    }
}

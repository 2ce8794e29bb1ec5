package io.vaultpki.exporter.files;

import io.vaultpki.exporter.layout.ExportLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The stable names consumers open: {@code cert.pem -> ..data/cert.pem}. A visible name that is anything else (a
 * regular file, a directory, a link elsewhere — planted or left by hand) is never written through, followed or
 * removed: the write is refused and the path named.
 */
final class VisibleLinks {

    private static final Logger LOG = LoggerFactory.getLogger(VisibleLinks.class);

    private VisibleLinks() {
    }

    static Path target(String name) {
        return Path.of(ExportLayout.DATA, name);
    }

    /** Refuses the write when a name the new version needs, or the switch itself, is occupied by something not ours. */
    static void requireOurs(Path dir, Collection<String> names) {
        for (String special : new String[] {ExportLayout.DATA, ExportLayout.DATA_TMP}) {
            Path p = dir.resolve(special);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p)) {
                throw new ExportWriteException("refusing to write: " + p + " exists and is not a symlink");
            }
        }
        for (String name : names) {
            foreign(dir, name).ifPresent(reason -> {
                throw new ExportWriteException("refusing to write: " + dir.resolve(name) + " " + reason
                        + "; remove it so the exporter can manage that name");
            });
        }
    }

    /**
     * Creates missing links for {@code names} and removes our links for names no longer written. With
     * {@code strict} a foreign entry fails; without (start-up recovery) it is logged and left alone.
     */
    static void sync(Path dir, Collection<String> names, boolean strict) throws IOException {
        for (String name : names) {
            Path p = dir.resolve(name);
            Optional<String> foreign = foreign(dir, name);
            if (foreign.isPresent()) {
                if (strict) {
                    throw new ExportWriteException("refusing to link: " + p + " " + foreign.get());
                }
                LOG.warn("Leaving {} alone: it {}", p, foreign.get());
            } else if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(p, target(name));
            }
        }
        for (String entry : ExportDirectory.entries(dir)) {
            if (!names.contains(entry) && isOurs(dir, entry)) {
                Files.delete(dir.resolve(entry));
            }
        }
    }

    /**
     * Whether {@code entry} of an export directory is something the exporter makes: {@code ..data} (and its temp
     * form) as a link, a version or temp directory, the revocation ledger, or a visible link into {@code ..data}.
     */
    static boolean isExporterMade(Path dir, String entry) {
        Path p = dir.resolve(entry);
        if (entry.equals(ExportLayout.DATA) || entry.equals(ExportLayout.DATA_TMP)) {
            return Files.isSymbolicLink(p);
        }
        if (ExportLayout.isVersionName(entry)) {
            return ExportDirectory.isDirectory(p);
        }
        if (entry.startsWith(ExportLayout.TMP_PREFIX)) {
            // a version being written, or the revocation ledger being replaced
            return ExportDirectory.isDirectory(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        }
        if (entry.equals(ExportLayout.REVOCATIONS)) {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        }
        return isOurs(dir, entry);
    }

    private static boolean isOurs(Path dir, String name) {
        try {
            return Files.readSymbolicLink(dir.resolve(name)).equals(target(name));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Optional<String> foreign(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isSymbolicLink(p)) {
            return Optional.of("exists and is not the exporter's symlink");
        }
        return isOurs(dir, name) ? Optional.empty() : Optional.of("is a symlink that does not point to " + target(name));
    }
}

package io.vaultpki.exporter.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vaultpki.exporter.layout.ExportLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and replaces {@code <export>/..revocations.json} ({@link ExportLayout#REVOCATIONS}) like every other file of
 * the store: a new temp file, fsynced, renamed over the old one, the directory fsynced; never through a link. The
 * caller holds the export's lock. An entry that does not look like the exporter's own (a serial that is not colon
 * hex, a mount with odd characters) is dropped with a warning, never sent to Vault.
 */
final class RevocationLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationLedger.class);
    private static final Pattern SERIAL = Pattern.compile("^[0-9a-f]{2}(:[0-9a-f]{2}){0,39}$");
    private static final Pattern MOUNT = Pattern.compile("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(ExportMetadata.instants())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RevocationLedger() {
    }

    /** The ledger of the export in {@code dir}; {@link RevocationRecord#EMPTY} when there is none. */
    static RevocationRecord read(Path dir) throws IOException {
        Path file = dir.resolve(ExportLayout.REVOCATIONS);
        byte[] bytes;
        try {
            bytes = ExportDirectory.readRegularFile(file);
        } catch (NoSuchFileException e) {
            return RevocationRecord.EMPTY;
        }
        RevocationRecord record;
        try {
            record = JSON.readValue(bytes, RevocationRecord.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // not the exporter's writing (it only ever renames complete files in); the next write replaces it
            LOG.warn("Ignoring {}: it is not valid JSON ({})", file, e.getClass().getSimpleName());
            return RevocationRecord.EMPTY;
        }
        List<PendingRevocation> kept = new ArrayList<>();
        for (PendingRevocation p : record.pending()) {
            if (p.serial() != null && SERIAL.matcher(p.serial()).matches() && p.mount() != null
                    && MOUNT.matcher(p.mount()).matches() && !hasDotSegment(p.mount()) && p.dueAt() != null
                    && p.notAfter() != null) {
                kept.add(p);
            } else {
                LOG.warn("Dropping a malformed entry of {}: it is not one the exporter wrote", file);
            }
        }
        return new RevocationRecord(kept, record.last());
    }

    private static boolean hasDotSegment(String mount) {
        for (String segment : mount.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the ledger atomically; an empty record removes the file. */
    static void write(Path dir, RevocationRecord record) throws IOException {
        Path file = dir.resolve(ExportLayout.REVOCATIONS);
        if (record.pending().isEmpty() && record.last() == null) {
            delete(dir);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(record);
        Path tmp = dir.resolve(ExportLayout.TMP_PREFIX + UUID.randomUUID());
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            try (FileChannel channel = FileChannel.open(tmp, options,
                    PosixFilePermissions.asFileAttribute(FileSettings.MODE_0600))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("refusing to replace " + file + ": it is not a regular file");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ExportDirectory.fsync(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes the ledger, if any (a regular file only). */
    static void delete(Path dir) throws IOException {
        Path file = dir.resolve(ExportLayout.REVOCATIONS);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(file);
            ExportDirectory.fsync(dir);
        }
    }
}

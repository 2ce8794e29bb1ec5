package io.vaultpki.exporter.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vaultpki.exporter.hook.HookConfiguration;
import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.SpecCodec;
import io.vaultpki.exporter.spec.SpecFormatException;
import io.vaultpki.exporter.spec.SpecValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The specs of exports created through the API, one JSON file each ({@link ExportLayout#specFile}, 0700 directory,
 * 0600 files), so they survive a restart. Writes are temp file + fsync + rename: a crash leaves the old spec or the
 * new one, never half of one. A file that no longer parses is reported and left in place for the operator.
 */
public final class SpecRepository {

    private static final Logger LOG = LoggerFactory.getLogger(SpecRepository.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ExportLayout layout;
    private final Path directory;
    private final String defaultMount;

    public SpecRepository(ExportLayout layout, String defaultMount) {
        this.layout = layout;
        this.directory = layout.specsDirectory();
        this.defaultMount = defaultMount;
    }

    /** Every persisted spec that parses and validates; broken files are logged and skipped, never deleted. */
    public List<ExportSpec> loadAll() {
        List<ExportSpec> out = new ArrayList<>();
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ExportLayout.specFileGlob())) {
            for (Path file : files) {
                String name = ExportLayout.exportOfSpecFile(file);
                if (name == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    Map<?, ?> map = JSON.readValue(file.toFile(), Map.class);
                    ExportSpec spec = SpecCodec.fromPersisted(name, map, defaultMount);
                    if (SpecValidator.validate(spec).isEmpty()) {
                        if (spec.legacyInlineHook()) {
                            warnLegacyHook(file, name, map.get("hook"));
                        }
                        out.add(spec);
                    } else {
                        LOG.error("Persisted export spec {} is invalid ({}); export '{}' is not managed until it is fixed",
                                file, SpecValidator.validate(spec), name);
                    }
                } catch (IOException | SpecFormatException e) {
                    LOG.error("Persisted export spec {} cannot be read ({}); export '{}' is not managed until it is fixed",
                            file, e.getMessage(), name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return out;
    }

    /**
     * One warning per export whose spec file still carries an inline hook command of an older version. The command
     * is never run: hook commands come only from {@code exporter.hooks}, and such a command may have been planted
     * by any token with the {@code write} scope. Only the program and the argument count are logged (arguments can
     * hold an operator's password); the file is left as it is, for the operator to inspect.
     */
    private static void warnLegacyHook(Path file, String name, Object hook) {
        List<String> argv = new ArrayList<>();
        if (hook instanceof Map<?, ?> inline && inline.get("command") instanceof List<?> command) {
            command.forEach(a -> argv.add(String.valueOf(a)));
        }
        LOG.warn("Export '{}' ({}) carries an inline hook command from an older version ({}); it is IGNORED and will"
                + " never run, the export and its files keep renewing. Hook commands are now configured by name"
                + " (exporter.hooks.<name>.command): define one and PUT the export with \"hook\": \"<name>\", or remove"
                + " the \"hook\" object from the file", name, file, HookConfiguration.summary(argv));
    }

    /** Where the spec of {@code name} is persisted. */
    public Path file(String name) {
        return layout.specFile(name);
    }

    /** Persists {@code spec} atomically. */
    public void save(ExportSpec spec) {
        try {
            ensureDirectory();
            Path target = layout.specFile(spec.name());
            Path tmp = layout.temporarySpecFile();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(SpecCodec.toMap(spec))));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the spec of export '" + spec.name() + "' in " + directory, e);
        }
    }

    /** Removes the persisted spec, if any. */
    public void delete(String name) {
        try {
            Files.deleteIfExists(layout.specFile(name));
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the spec of export '" + name + "' from " + directory, e);
        }
    }

    /** Removes temp files a crash left behind. */
    public void recover() {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ExportLayout.TMP_PREFIX + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warn("Could not clean temp files in {}: {}", directory, e.getMessage());
        }
    }

    private void ensureDirectory() throws IOException {
        for (Path dir : List.of(layout.stateDirectory(), directory)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private void forceDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    }
}

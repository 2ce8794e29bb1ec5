package io.vaultpki.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An application's class-data sharing archive (AppCDS), trained as the Dockerfiles train theirs: one start of
 * {@code java <image flags> -XX:ArchiveClassesAtExit=<file> -jar <jar>} up to its first answer on
 * {@code /health/liveness}, then SIGTERM, at whose exit the JVM writes the classes it loaded. Starts that pass
 * {@link #jvmArgs()} map them instead of loading, parsing and verifying them again.
 */
final class ClassArchive {

    private final Path file;

    private ClassArchive(Path file) {
        this.file = file;
    }

    /**
     * Trains the archive of {@code jar} under {@code workDir}; {@code properties} and {@code environment} only need
     * to let the application start (as in the image build, which has no Vault).
     */
    static ClassArchive train(String name, Path jar, Map<String, String> properties, Map<String, String> environment,
                              Path workDir) {
        Path file = workDir.resolve(name + ".jsa");
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChildApp.Launch training = new ChildApp.Launch(List.of("-XX:ArchiveClassesAtExit=" + file), true);
        try (ChildApp app = ChildApp.start(name + "-cds-training", jar, null, properties, environment, workDir,
                "/health/liveness", Duration.ofSeconds(60), training)) {
            Bench.progress(name + ": training its class archive (started in "
                    + Report.fmt(app.readySeconds()) + " s)");
        }
        if (!Poll.until(() -> Files.isRegularFile(file), Duration.ofSeconds(30), Duration.ofMillis(100))) {
            throw new IllegalStateException("the JVM wrote no class archive " + file + "; see " + name
                    + "-cds-training.log");
        }
        return new ClassArchive(file);
    }

    /** The flag an image's ENTRYPOINT passes. */
    List<String> jvmArgs() {
        return List.of("-XX:SharedArchiveFile=" + file);
    }

    long bytes() {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}

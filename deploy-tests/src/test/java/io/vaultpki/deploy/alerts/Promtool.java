package io.vaultpki.deploy.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs Debian's promtool (package {@code prometheus}, installed by CI) as a process. Tests that need it are skipped,
 * not failed, on a machine without it.
 */
public final class Promtool {

    /** What one promtool run answered: exit code and stdout+stderr. */
    public record Result(int exitCode, String output) {
    }

    private static final Path DEBIAN_PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    public static Path require() {
        Optional<Path> promtool = locate();
        assumeTrue(promtool.isPresent(), "promtool not installed (Debian package prometheus)");
        return promtool.get();
    }

    public static Result run(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(require().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Optional<Path> locate() {
        if (Files.isExecutable(DEBIAN_PROMTOOL)) {
            return Optional.of(DEBIAN_PROMTOOL);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

package io.vaultpki.deploy.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container images' JVM flags, the one file both apps' poms copy beside their runnable jar and both Dockerfiles
 * pass as {@code java @/app/jvm.options}, read as the java launcher reads an argument file: {@code #} starts a
 * comment, whitespace separates the arguments.
 */
public record JvmOptions(List<String> flags) {

    /** The source of the file; {@code package} copies it to {@code <app>/target/jvm.options}. */
    public static final Path SOURCE = DockerfileTest.ROOT.resolve("app-support/src/main/container/jvm.options");

    /**
     * What the JVM itself needs outside the heap at the charts' default limit, measured by the bench (class metadata
     * of about 9,000 classes, code, threads, C heap; docs/benchmark.md): the heap's share of a memory limit must
     * leave at least this much.
     */
    public static final int NON_HEAP_MIB = 110;

    public static JvmOptions read() {
        try {
            List<String> flags = new ArrayList<>();
            for (String line : Files.readAllLines(SOURCE)) {
                int comment = line.indexOf('#');
                String text = comment < 0 ? line : line.substring(0, comment);
                for (String token : text.trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        flags.add(token);
                    }
                }
            }
            return new JvmOptions(List.copyOf(flags));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of the last flag {@code prefix<value>} (the JVM takes the last one), e.g. {@code -XX:MaxRAMPercentage=}. */
    public Optional<String> value(String prefix) {
        Optional<String> found = Optional.empty();
        for (String flag : flags) {
            if (flag.startsWith(prefix)) {
                found = Optional.of(flag.substring(prefix.length()));
            }
        }
        return found;
    }

    /** The heap's share of the memory limit, in percent. */
    public double maxRamPercentage() {
        return Double.parseDouble(value("-XX:MaxRAMPercentage=").orElseThrow(
                () -> new AssertionError("no -XX:MaxRAMPercentage in " + SOURCE)));
    }

    /** The MiB left outside the heap under a memory limit of {@code limitMiB}. */
    public double nonHeapMiB(int limitMiB) {
        return limitMiB * (1 - maxRamPercentage() / 100);
    }
}

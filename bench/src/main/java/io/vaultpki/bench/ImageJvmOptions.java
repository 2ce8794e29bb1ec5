package io.vaultpki.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The container images' JVM flags: {@code target/jvm.options} beside an application's runnable jar, which
 * {@code package} copies there from the one file both Dockerfiles use ({@code app-support/src/main/container/
 * jvm.options}, {@code java @/app/jvm.options}). Read as the java launcher reads an argument file: {@code #} starts
 * a comment, whitespace separates the arguments. The bench's child JVMs get these flags and none of their own, so a
 * flag changed for the images is the flag the bench measures.
 */
final class ImageJvmOptions {

    static final String FILE = "jvm.options";

    private ImageJvmOptions() {
    }

    /** The flags beside {@code jar}; fails, naming the file, when the build did not put it there. */
    static List<String> of(Path jar) {
        Path file = jar.resolveSibling(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist: the images' JVM flags are copied beside "
                    + jar.getFileName() + " by ./mvnw -B -q -DskipTests package");
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parse(List<String> lines) {
        List<String> flags = new ArrayList<>();
        for (String line : lines) {
            int comment = line.indexOf('#');
            for (String token : (comment < 0 ? line : line.substring(0, comment)).trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    flags.add(token);
                }
            }
        }
        return List.copyOf(flags);
    }
}

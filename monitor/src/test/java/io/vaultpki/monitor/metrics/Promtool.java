package io.vaultpki.monitor.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code promtool check metrics} on a scrape in the Prometheus text format; the test is skipped without promtool. */
public final class Promtool {

    private Promtool() {
    }

    public static void assertClean(String scrape) throws IOException, InterruptedException {
        assumeTrue(installed(), "promtool is not installed (Debian package prometheus)");
        Path file = Files.createTempFile("scrape", ".txt");
        try {
            Files.writeString(file, scrape, StandardCharsets.UTF_8);
            Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                    .redirectInput(file.toFile()).redirectErrorStream(true).start();
            String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(promtool.exitValue()).as("promtool check metrics: %s", output).isZero();
            assertThat(output).as("promtool check metrics").isBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/promtool"))
                || System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
    }
}

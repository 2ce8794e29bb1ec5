package io.vaultpki.exporter;

import io.vaultpki.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --demo} run twice in a child JVM, as a user would: one fixed directory, emptied of what a killed run left,
 * removed at exit, and the README's commands (token file, API calls, the files on disk) work on both runs.
 */
class ExporterDemoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @TempDir
    Path shell;

    @Test
    void theDemoUsesOneFixedDirectoryRemovedAtExitAndTheReadmeCommandsWorkOnTheSecondRunToo() throws Exception {
        Path demoDir = tmp.resolve(ExporterDemo.DIRECTORY);
        for (int run = 1; run <= 2; run++) {
            if (run == 2) {
                // what a run killed with kill -9 leaves behind
                Files.createDirectories(demoDir.resolve("exports/stale"));
                Files.writeString(demoDir.resolve(ExporterDemo.TOKEN_FILE), "stale-token");
            }
            int port = freePort();
            try (ChildJvm demo = ChildJvm.start(Application.class, List.of("--demo"), Map.of(
                    "HOME", tmp.toString(), "TMPDIR", tmp.toString(), "EXPORTER_PORT", String.valueOf(port)))) {
                demo.awaitOutput("Startup completed", TIMEOUT);

                try (Stream<Path> entries = Files.list(tmp)) {
                    assertThat(entries).as("run %d: one demo directory", run).containsExactly(demoDir);
                }
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demoDir))).isEqualTo("rwx------");
                Path token = demoDir.resolve(ExporterDemo.TOKEN_FILE);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
                assertThat(Files.readString(token)).matches("[0-9a-f]{48}");
                assertThat(demoDir.resolve("exports/stale")).doesNotExist();
                assertThat(demo.stdout()).contains(token.toString()).doesNotContain(Files.readString(token));

                String output = runReadmeCommands(port);
                assertThat(output).as("run %d", run).contains("\"web\"", "\"shop\"", "key.pem", "cert.pem");
                assertThat(shell.resolve("fullchain.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
                Files.delete(shell.resolve("fullchain.pem"));

                demo.stop(TIMEOUT);
            }
            assertThat(demoDir).as("run %d: removed at exit", run).doesNotExist();
        }
    }

    /** The README's exporter commands after the java line, against this run's port, in a shell with our TMPDIR. */
    private String runReadmeCommands(int port) throws IOException, InterruptedException {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("README.md"));
        String start = "```bash\njava -jar exporter/target/vault-pki-exporter-all.jar --demo";
        int from = readme.indexOf(start);
        assertThat(from).as("the README's exporter demo block").isNotNegative();
        String block = readme.substring(readme.indexOf('\n', from + 8) + 1, readme.indexOf("\n```", from + 8));
        assertThat(block).contains("TOKEN=$(cat \"${TMPDIR:-/tmp}/vault-pki-exporter-demo/api-token\")");
        String script = "set -euo pipefail\n" + block.replace("localhost:8082", "localhost:" + port)
                + "\ntest -n \"$TOKEN\"\n";
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).directory(shell.toFile()).redirectErrorStream(true);
        bash.environment().put("TMPDIR", tmp.toString());
        Process p = bash.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

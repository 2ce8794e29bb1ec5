package io.vaultpki.exporter;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 §4: the exporter binds its HTTP port before it touches Vault or the disk. Started as it runs (its own
 * JVM, {@code Application.main}) on a port another process holds, with an issue export configured and an empty
 * export root, it exits with one clear line: the emulated Vault saw no request at all and nothing is written.
 */
class PortClashTest {

    @Test
    void aPortClashStopsTheExporterWithOneLineBeforeAnyVaultCallOrFileWrite() throws Exception {
        try (EmulatedVault vault = EmulatedVault.start("port-clash"); ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dmicronaut.server.port=" + port,
                    "-Dexporter.path=" + vault.exportRoot(),
                    "-Dexporter.exports.web.source=issue",
                    "-Dexporter.exports.web.mount=pki_int",
                    "-Dexporter.exports.web.role=web",
                    "-Dexporter.exports.web.common-name=web.example.com",
                    "-Dvault.auth.method=token",
                    "-Dvault.allow-root-token=true",
                    "io.vaultpki.exporter.Application"));
            Path log = Files.createTempFile("port-clash", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("VAULT_") || k.startsWith("EXPORTER_")
                    || k.equals("CERT_EXPORT_PATH") || k.equals("PKI_MOUNT_PATH") || k.equals("JAVA_TOOL_OPTIONS")
                    || k.equals("LOG_FORMAT"));
            // the token through the environment, as in production, never on the command line
            builder.environment().put("VAULT_ADDR", vault.emulator().url().toString());
            builder.environment().put("VAULT_TOKEN", vault.emulator().rootToken());
            Process exporter = builder.start();
            boolean exited = exporter.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                exporter.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            assertThat(exited).as("the exporter exits: %s", output).isTrue();

            assertThat(exporter.exitValue()).as(output).isEqualTo(1);
            assertThat(output.lines()).as(output).contains("vault-pki-exporter: cannot listen: port " + port
                    + " is already in use; set EXPORTER_PORT (or micronaut.server.port) to a free port."
                    + " Nothing was issued or written.");
            assertThat(output.lines()).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
            assertThat(vault.emulator().requests().count("POST", "pki_int/issue/.*")).isZero();
            assertThat(vault.emulator().requests().all()).as("requests to Vault").isEmpty();
            try (Stream<Path> written = Files.list(vault.exportRoot())) {
                assertThat(written).as("entries under the export root").isEmpty();
            }
        }
    }
}

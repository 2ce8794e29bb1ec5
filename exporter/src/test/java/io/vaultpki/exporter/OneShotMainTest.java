package io.vaultpki.exporter;

import io.vaultpki.testkit.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --once} through the real {@code main} in a child JVM, configured as an init container or a cron job would
 * configure it (VAULT_*, CERT_EXPORT_PATH, a configuration file): the process's exit status, its stdout and stderr
 * lines, and that it runs while another process holds its HTTP port.
 */
class OneShotMainTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    private EmulatedVault vault;

    @BeforeEach
    void start() {
        vault = EmulatedVault.start("once-main");
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private Map<String, String> environment(String vaultAddress, int port) throws IOException {
        Path config = Files.writeString(home.resolve("exporter.yml"), """
                vault:
                  allow-root-token: true
                  max-retries: 0
                exporter:
                  default-mount: pki_int
                  exports:
                    web:
                      source: issue
                      role: web
                      common-name: web.example.com
                """);
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "VAULT_ADDR", vaultAddress,
                "VAULT_TOKEN", vault.emulator().rootToken(), "EXPORTER_PORT", String.valueOf(port),
                "CERT_EXPORT_PATH", vault.exportRoot().toString(), "MICRONAUT_CONFIG_FILES", config.toString()));
        return env;
    }

    @Test
    void theRealMainIssuesExitsZeroAndNeverBindsTheConfiguredPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            ChildJvm.Result r = ChildJvm.run(Application.class, List.of("--once"),
                    environment(vault.emulator().url().toString(), taken.getLocalPort()), TIMEOUT);

            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.stdout()).contains("export web: issued (serial ");
            assertThat(r.stderrLines()).isEmpty();
            assertThat(vault.exportRoot().resolve("web/cert.pem")).isRegularFile();
        }
    }

    @Test
    void theRealMainExitsOneWithOneLineWhenVaultCannotBeReached() throws IOException {
        ChildJvm.Result r = ChildJvm.run(Application.class, List.of("--once"),
                environment("http://127.0.0.1:1", -1), TIMEOUT);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).singleElement().asString()
                .startsWith("export web: Vault cannot be reached [unreachable]: ");
        assertThat(r.stderr() + r.stdout()).doesNotContain("\tat ");
        assertThat(vault.exportRoot().resolve("web")).doesNotExist();
    }

    @Test
    void aOneShotFlagWithoutOnceIsAUsageErrorOfTheRealMain() throws IOException {
        ChildJvm.Result r = ChildJvm.run(Application.class, List.of("--export", "web"),
                environment(vault.emulator().url().toString(), -1), TIMEOUT);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderrLines()).containsExactly("vault-pki-exporter: usage error: --export is only valid with "
                + "--once; usage: --once [--export NAME]... [--dry-run] [--lock-wait DURATION]");
    }
}

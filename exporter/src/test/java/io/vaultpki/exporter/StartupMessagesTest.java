package io.vaultpki.exporter;

import io.vaultpki.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exporter's real main in a child JVM, with one wrong setting at a time: it stops with a non-zero status and one
 * to three short lines on stderr that name the setting, never a stack trace.
 */
class StartupMessagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    private Path exports;

    /** A complete, valid environment that one case then spoils. */
    private Map<String, String> environment(String... pairs) throws IOException {
        exports = Files.createDirectories(home.resolve("exports"));
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "VAULT_ADDR", "http://127.0.0.1:1",
                "VAULT_TOKEN", "hvs.startup-test-token-never-sent", "EXPORTER_PORT", "-1",
                "CERT_EXPORT_PATH", exports.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    private ChildJvm.Result run(Map<String, String> env) {
        return ChildJvm.run(Application.class, List.of(), env, TIMEOUT);
    }

    private void assertOneLine(ChildJvm.Result r, String expected) throws IOException {
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderrLines()).containsExactly("vault-pki-exporter: configuration error: " + expected);
        assertThat(r.stderr() + r.stdout()).doesNotContain("\tat ", "Path Taken", "Exception");
        try (Stream<Path> written = Files.list(exports)) {
            assertThat(written).as("a configuration error writes nothing under the export root").isEmpty();
        }
    }

    @Test
    void aBadVaultAddrIsOneLineNamingIt() throws IOException {
        assertOneLine(run(environment("VAULT_ADDR", "vault:8200")),
                "VAULT_ADDR: not a valid URL: vault:8200 (scheme must be http or https)");
    }

    @Test
    void aRelativeExportPathIsOneLineNamingIt() throws IOException {
        assertOneLine(run(environment("CERT_EXPORT_PATH", "certs")),
                "exporter.path (CERT_EXPORT_PATH) must be an absolute path, was certs");
    }

    @Test
    void aBadConcurrencyIsOneLineNamingIt() throws IOException {
        assertOneLine(run(environment("EXPORTER_CONCURRENCY", "500")), "exporter.concurrency must be between 1 and 64, was 500");
    }

    @Test
    void anUnknownApiScopeInAConfigurationFileIsOneLineNamingTheEntry() throws IOException {
        Path config = Files.writeString(home.resolve("exporter.yml"), """
                exporter:
                  api:
                    tokens:
                      - name: ci
                        sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                        scopes: [read, admin]
                """);
        assertOneLine(run(environment("MICRONAUT_CONFIG_FILES", config.toString())),
                "exporter.api.tokens[0].scopes: unknown scope 'admin' (read, write, keys)");
    }

    @Test
    void withNeitherVaultAddrNorCredentialsNorDemoTheMessageNamesTheDefaultAddressAndSuggestsDemo() throws IOException {
        ChildJvm.Result r = run(environment("VAULT_ADDR", null, "VAULT_TOKEN", null));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderrLines()).hasSize(2);
        assertThat(r.stderrLines().get(0)).startsWith("vault-pki-exporter: configuration error: vault.auth.method: auto "
                + "found no Vault credentials");
        assertThat(r.stderrLines().get(1)).isEqualTo("vault-pki-exporter: VAULT_ADDR is not set, so it would use "
                + "https://127.0.0.1:8200, the Vault CLI's default; to try it without a Vault, run it with --demo");
    }
}

package io.vaultpki.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentSettingsTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyEnvironmentGivesTheCliDefaults() {
        VaultSettings s = VaultSettings.fromEnvironment(Map.of());

        assertThat(s.address()).isEqualTo(URI.create("https://127.0.0.1:8200"));
        assertThat(s.namespace()).isNull();
        assertThat(s.tls().skipVerify()).isFalse();
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maxConcurrency()).isEqualTo(8);
        assertThat(s.retry().maxAttempts()).isEqualTo(4);
        assertThat(s.allowRootToken()).isFalse();
    }

    @Test
    void mapsEveryVariable() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        Path cert = Files.writeString(dir.resolve("c.pem"), "x");
        Path key = Files.writeString(dir.resolve("k.pem"), "x");
        Map<String, String> env = new HashMap<>();
        env.put("VAULT_ADDR", "https://vault.example:8200");
        env.put("VAULT_NAMESPACE", "team-a/");
        env.put("VAULT_CACERT", ca.toString());
        env.put("VAULT_CAPATH", dir.toString());
        env.put("VAULT_CLIENT_CERT", cert.toString());
        env.put("VAULT_CLIENT_KEY", key.toString());
        env.put("VAULT_SKIP_VERIFY", "T");
        env.put("VAULT_TLS_SERVER_NAME", "vault.internal");
        env.put("VAULT_CLIENT_TIMEOUT", "1m30s");
        env.put("VAULT_MAX_RETRIES", "0");

        VaultSettings s = VaultSettings.fromEnvironment(env);

        assertThat(s.address()).isEqualTo(URI.create("https://vault.example:8200"));
        assertThat(s.namespace()).isEqualTo("team-a/");
        assertThat(s.tls().caCert()).isEqualTo(ca);
        assertThat(s.tls().caPath()).isEqualTo(dir);
        assertThat(s.tls().clientCert()).isEqualTo(cert);
        assertThat(s.tls().clientKey()).isEqualTo(key);
        assertThat(s.tls().skipVerify()).isTrue();
        assertThat(s.tls().tlsServerName()).isEqualTo("vault.internal");
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.retry().maxAttempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"1,true", "t,true", "TRUE,true", "True,true", "0,false", "f,false", "False,false", "'',false"})
    void parsesSkipVerifyLikeGoParseBool(String value, boolean expected) {
        assertThat(VaultSettings.fromEnvironment(Map.of("VAULT_SKIP_VERIFY", value)).tls().skipVerify())
                .isEqualTo(expected);
    }

    @Test
    void clientTimeoutAsBareNumberIsSeconds() {
        assertThat(VaultSettings.fromEnvironment(Map.of("VAULT_CLIENT_TIMEOUT", "45")).readTimeout())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(VaultSettings.fromEnvironment(Map.of("VAULT_CLIENT_TIMEOUT", "1500ms")).readTimeout())
                .isEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @CsvSource({
            "VAULT_ADDR, not a url",
            "VAULT_ADDR, ftp://vault:8200",
            "VAULT_ADDR, https://",
            "VAULT_SKIP_VERIFY, yes",
            "VAULT_CLIENT_TIMEOUT, soon",
            "VAULT_CLIENT_TIMEOUT, 0",
            "VAULT_MAX_RETRIES, many",
            "VAULT_MAX_RETRIES, -1",
            "VAULT_CACERT, /nonexistent/ca.pem",
            "VAULT_CAPATH, /nonexistent/dir",
            "VAULT_CLIENT_CERT, /nonexistent/c.pem",
            "VAULT_CLIENT_KEY, /nonexistent/k.pem"})
    void aBadValueNamesTheVariable(String variable, String value) {
        assertThatThrownBy(() -> VaultSettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOfSatisfying(VaultConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo(variable))
                .hasMessageStartingWith(variable + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAULT_CLIENT_CERT", "VAULT_CLIENT_KEY"})
    void clientCertificateAndKeyMustComeTogether(String only) throws Exception {
        Path f = Files.writeString(dir.resolve("f.pem"), "x");

        assertThatThrownBy(() -> VaultSettings.fromEnvironment(Map.of(only, f.toString())))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageContaining("must be set together");
    }

    @Test
    void builderValidationNamesTheConfigurationKey() {
        assertThatThrownBy(() -> VaultSettings.builder().tls(new io.vaultpki.client.TlsSettings(
                Path.of("/x"), null, null, null, false, null)).build())
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessage("vault.tls.ca-cert: file /x does not exist");
        assertThatThrownBy(() -> VaultSettings.builder().maxConcurrency(0).build())
                .hasMessageStartingWith("vault.max-concurrency: ");
        assertThatThrownBy(() -> VaultSettings.builder().address("vault:8200").build())
                .hasMessageStartingWith("vault.address: not a valid URL");
    }
}

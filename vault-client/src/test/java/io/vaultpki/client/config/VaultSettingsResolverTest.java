package io.vaultpki.client.config;

import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.VaultSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultSettingsResolverTest {

    @TempDir
    Path dir;

    @Test
    void environmentVariablesApplyWhenNoSettingIsWritten() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        VaultSettings s = VaultSettingsResolver.resolve(Configs.config(), Map.of(
                "VAULT_ADDR", "https://vault.example:8200", "VAULT_NAMESPACE", "ns1/", "VAULT_CACERT", ca.toString(),
                "VAULT_SKIP_VERIFY", "true", "VAULT_TLS_SERVER_NAME", "vault.internal", "VAULT_MAX_RETRIES", "5"));
        assertThat(s.address()).isEqualTo(URI.create("https://vault.example:8200"));
        assertThat(s.namespace()).isEqualTo("ns1/");
        assertThat(s.tls().caCert()).isEqualTo(ca);
        assertThat(s.tls().skipVerify()).isTrue();
        assertThat(s.tls().tlsServerName()).isEqualTo("vault.internal");
        assertThat(s.retry().maxAttempts()).isEqualTo(6);
    }

    @Test
    void aWrittenSettingWinsOverItsEnvironmentVariable() {
        VaultConfiguration c = Configs.config("address", "http://127.0.0.1:8201", "tls.skip-verify", false,
                "read-timeout", Duration.ofSeconds(7));
        VaultSettings s = VaultSettingsResolver.resolve(c, Map.of("VAULT_ADDR", "https://other:8200",
                "VAULT_SKIP_VERIFY", "true", "VAULT_CLIENT_TIMEOUT", "90"));
        assertThat(s.address()).isEqualTo(URI.create("http://127.0.0.1:8201"));
        assertThat(s.tls().skipVerify()).isFalse();
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aBadVariableOverriddenByASettingDoesNotFailStartUp() {
        VaultConfiguration c = Configs.config("tls.ca-cert", null, "address", "https://vault:8200");
        VaultSettings s = VaultSettingsResolver.resolve(c, Map.of("VAULT_ADDR", "::not a url::"));
        assertThat(s.address().getHost()).isEqualTo("vault");
    }

    @Test
    void anUnparsableAddressSettingIsNamedInTheError() {
        VaultConfiguration c = Configs.config("address", "vault:8200");
        assertThatThrownBy(() -> VaultSettingsResolver.resolve(c, Map.of()))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("vault.address:");
    }

    @Test
    void anUnparsableAddressVariableIsNamedInTheError() {
        assertThatThrownBy(() -> VaultSettingsResolver.resolve(Configs.config(), Map.of("VAULT_ADDR", "ftp://x")))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("VAULT_ADDR:");
    }

    @Test
    void aMissingCaFileSettingIsNamedInTheError() {
        VaultConfiguration c = Configs.config("tls.ca-cert", dir.resolve("missing.pem").toString());
        assertThatThrownBy(() -> VaultSettingsResolver.resolve(c, Map.of()))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("vault.tls.ca-cert:")
                .hasMessageContaining("missing.pem");
    }

    @Test
    void aClientCertificateWithoutItsKeyIsRefused() throws IOException {
        VaultConfiguration c = Configs.config("tls.client-cert", Files.writeString(dir.resolve("c.pem"), "x").toString());
        assertThatThrownBy(() -> VaultSettingsResolver.resolve(c, Map.of()))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("vault.tls.client-key:");
    }

    @Test
    void negativeRetriesAreRefused() {
        VaultConfiguration c = Configs.config("max-retries", -1);
        assertThatThrownBy(() -> VaultSettingsResolver.resolve(c, Map.of()))
                .hasMessageStartingWith("vault.max-retries:");
    }

    @Test
    void defaultsAreTheCliDefaults() {
        VaultSettings s = VaultSettingsResolver.resolve(Configs.config(), Map.of());
        assertThat(s.address()).isEqualTo(URI.create("https://127.0.0.1:8200"));
        assertThat(s.allowRootToken()).isFalse();
        assertThat(s.tls().skipVerify()).isFalse();
    }

    @Test
    void theDefaultAddressIsInUseOnlyWhenNeitherTheSettingNorVaultAddrIsSet() {
        assertThat(VaultSettingsResolver.usesDefaultAddress(null, Map.of())).isTrue();
        assertThat(VaultSettingsResolver.usesDefaultAddress(null, Map.of("VAULT_ADDR", ""))).isTrue();
        assertThat(VaultSettingsResolver.usesDefaultAddress(null, Map.of("VAULT_ADDR", "https://vault:8200"))).isFalse();
        assertThat(VaultSettingsResolver.usesDefaultAddress("https://vault:8200", Map.of())).isFalse();
        assertThat(VaultSettingsResolver.resolve(Configs.config(), Map.of()).address())
                .isEqualTo(VaultSettings.DEFAULT_ADDRESS);
    }
}

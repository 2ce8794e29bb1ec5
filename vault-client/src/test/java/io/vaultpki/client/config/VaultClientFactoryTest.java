package io.vaultpki.client.config;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.core.VaultClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultClientFactoryTest {

    @Test
    void aValidConfigurationGivesAVaultClientAtStartUpWithoutContactingVault() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "vault.address", "http://127.0.0.1:1", "vault.token", "hvs.not-used",
                "vault.auth.method", "token", "vault.read-timeout", "3s"))) {
            VaultClient client = ctx.getBean(VaultClient.class);
            assertThat(client.settings().address()).isEqualTo(URI.create("http://127.0.0.1:1"));
            assertThat(client.settings().readTimeout()).hasSeconds(3);
        }
    }

    @Test
    void aBadSettingStopsStartUpWithOneMessageNamingIt() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "vault.address", "not a url", "vault.token", "hvs.x")).close())
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(VaultConfigurationException.class)
                        .hasMessageStartingWith("vault.address:"));
    }

    @Test
    void aMissingCaFileStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "vault.tls.ca-cert", "/nonexistent/ca.pem", "vault.token", "hvs.x")).close())
                .satisfies(e -> assertThat(rootCause(e)).hasMessageStartingWith("vault.tls.ca-cert:"));
    }

    @Test
    void theTokenNeverAppearsInTheStartUpError() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "vault.address", "ftp://x", "vault.token", "hvs.SECRET-TOKEN-VALUE")).close())
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("SECRET-TOKEN-VALUE");
                    }
                });
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

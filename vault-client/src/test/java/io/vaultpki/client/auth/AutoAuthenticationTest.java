package io.vaultpki.client.auth;

import io.vaultpki.client.session.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoAuthenticationTest {

    @TempDir
    Path home;

    @TempDir
    Path serviceAccount;

    private Path saToken() throws Exception {
        Path file = serviceAccount.resolve("token");
        Files.writeString(file, "eyJ.sa.jwt");
        return file;
    }

    @Test
    void vaultTokenEnvironmentVariableWinsOverEverythingElse() throws Exception {
        Files.writeString(home.resolve(".vault-token"), "hvs.from-file");
        var auto = new AutoAuthentication(Map.of("VAULT_TOKEN", "hvs.from-env", "VAULT_ROLE", "r"), home, saToken());

        assertThat(auto.chosen()).isInstanceOf(TokenAuthentication.class);
        assertThat(auto.login(null).token().reveal()).isEqualTo("hvs.from-env");
        assertThat(auto.canLogInAgain()).isFalse();
    }

    @Test
    void homeTokenFileComesBeforeKubernetes() throws Exception {
        Files.writeString(home.resolve(".vault-token"), "hvs.from-file\n");
        var auto = new AutoAuthentication(Map.of("VAULT_ROLE", "r"), home, saToken());

        assertThat(auto.chosen()).isInstanceOf(TokenFileAuthentication.class);
        assertThat(auto.login(null).token().reveal()).isEqualTo("hvs.from-file");
        assertThat(auto.method()).isEqualTo("token-file");
    }

    @Test
    void kubernetesIsChosenWhenARoleIsSetAndTheServiceAccountTokenExists() throws Exception {
        var auto = new AutoAuthentication(Map.of("VAULT_ROLE", "vault-pki"), home, saToken());

        assertThat(auto.chosen()).isInstanceOf(KubernetesAuthentication.class);
        assertThat(((KubernetesAuthentication) auto.chosen()).options().role()).isEqualTo("vault-pki");
    }

    @Test
    void kubernetesUsesVaultMountPointAsTheAuthMountLikeThePythonExporter() throws Exception {
        var auto = new AutoAuthentication(Map.of("VAULT_ROLE", "vault-pki", "VAULT_MOUNT_POINT", "k8s-prod"), home, saToken());

        assertThat(((KubernetesAuthentication) auto.chosen()).options().mount()).isEqualTo("k8s-prod");
    }

    @Test
    void kubernetesAuthMountDefaultsToKubernetes() throws Exception {
        var auto = new AutoAuthentication(Map.of("VAULT_ROLE", "vault-pki"), home, saToken());

        assertThat(((KubernetesAuthentication) auto.chosen()).options().mount()).isEqualTo("kubernetes");
    }

    @Test
    void withoutAnyCredentialTheErrorListsWhatWasTried() {
        var auto = new AutoAuthentication(Map.of(), home, serviceAccount.resolve("token"));

        assertThatThrownBy(() -> auto.login(null))
                .isInstanceOf(VaultLoginException.class)
                .hasMessageContaining("VAULT_TOKEN")
                .hasMessageContaining(".vault-token")
                .hasMessageContaining("VAULT_ROLE");
    }

    @Test
    void logsItsChoiceExactlyOnceWithTheReason() throws Exception {
        var auto = new AutoAuthentication(Map.of("VAULT_TOKEN", "hvs.secret-env-token"), home, saToken());
        try (var logs = new LogCapture()) {
            auto.login(null);
            auto.login(null);
            auto.chosen();

            assertThat(logs.lines()).filteredOn(l -> l.startsWith("Vault authentication:"))
                    .singleElement().asString().contains("VAULT_TOKEN");
            assertThat(logs.lines()).noneMatch(l -> l.contains("hvs.secret-env-token"));
        }
    }
}

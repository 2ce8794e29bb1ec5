package io.vaultpki.client.config;

import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.auth.AppRoleAuthentication;
import io.vaultpki.client.auth.AutoAuthentication;
import io.vaultpki.client.auth.JwtAuthentication;
import io.vaultpki.client.auth.KubernetesAuthentication;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.auth.TokenFileAuthentication;
import io.vaultpki.client.auth.UserpassAuthentication;
import io.vaultpki.client.auth.VaultAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultAuthenticationResolverTest {

    @TempDir
    Path home;

    private VaultAuthentication resolve(VaultConfiguration c, Map<String, String> env) {
        return VaultAuthenticationResolver.resolve(c, VaultSettings.builder().build(), env, home);
    }

    private static VaultConfiguration method(String method, Object... more) {
        Object[] settings = new Object[more.length + 2];
        settings[0] = "auth.method";
        settings[1] = method;
        System.arraycopy(more, 0, settings, 2, more.length);
        return Configs.config(settings);
    }

    @Test
    void tokenMethodTakesVaultTokenFromTheEnvironment() {
        assertThat(resolve(method("token"), Map.of("VAULT_TOKEN", "hvs.abc"))).isInstanceOf(TokenAuthentication.class);
    }

    @Test
    void tokenMethodWithoutATokenNamesTheSetting() {
        assertThatThrownBy(() -> resolve(method("token"), Map.of()))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("vault.token:");
    }

    @Test
    void tokenFileMethodAcceptsTheUnderscoreSpellingAndDefaultsToHomeVaultToken() throws IOException {
        Files.writeString(home.resolve(".vault-token"), "hvs.file\n");
        assertThat(resolve(method("token_file"), Map.of())).isInstanceOf(TokenFileAuthentication.class);
    }

    @Test
    void kubernetesRoleWithoutAJwtFileFailsNamingTheJwtFileSetting() {
        VaultConfiguration c = method("kubernetes", "auth.jwt-file", home.resolve("no-such-token").toString());
        assertThatThrownBy(() -> resolve(c, Map.of("VAULT_ROLE", "monitor")))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("vault.auth.jwt-file:")
                .hasMessageContaining("no-such-token");
    }

    @Test
    void kubernetesWithoutARoleNamesTheRoleSetting() throws IOException {
        VaultConfiguration c = method("kubernetes", "auth.jwt-file", Files.writeString(home.resolve("sa"), "jwt").toString());
        assertThatThrownBy(() -> resolve(c, Map.of()))
                .hasMessageStartingWith("vault.auth.role:");
    }

    @Test
    void kubernetesUsesVaultRoleAndVaultMountPointLikeThePythonExporter() throws IOException {
        VaultConfiguration c = method("kubernetes", "auth.jwt-file", Files.writeString(home.resolve("sa"), "jwt").toString());
        VaultAuthentication auth = resolve(c, Map.of("VAULT_ROLE", "monitor", "VAULT_MOUNT_POINT", "k8s-prod"));
        assertThat(auth).isInstanceOf(KubernetesAuthentication.class);
        assertThat(auth.toString()).contains("k8s-prod").contains("monitor").doesNotContain("jwt=jwt");
    }

    @Test
    void approleNeedsARoleIdAndASecretIdOrFile() throws IOException {
        assertThatThrownBy(() -> resolve(method("approle"), Map.of())).hasMessageStartingWith("vault.auth.role-id:");
        assertThatThrownBy(() -> resolve(method("approle", "auth.role-id", "rid"), Map.of()))
                .hasMessageStartingWith("vault.auth.secret-id:");
        VaultConfiguration c = method("approle", "auth.role-id", "rid",
                "auth.secret-id-file", Files.writeString(home.resolve("sid"), "s").toString());
        assertThat(resolve(c, Map.of())).isInstanceOf(AppRoleAuthentication.class);
    }

    @Test
    void jwtDefaultsToTheNomadWorkloadIdentityFileInTheSecretsDir() throws IOException {
        Files.writeString(home.resolve("nomad_vault_default.jwt"), "eyJ");
        assertThat(resolve(method("jwt"), Map.of("NOMAD_SECRETS_DIR", home.toString()))).isInstanceOf(JwtAuthentication.class);
        assertThatThrownBy(() -> resolve(method("jwt"), Map.of("NOMAD_SECRETS_DIR", home.resolve("x").toString())))
                .hasMessageStartingWith("vault.auth.jwt-file:");
    }

    @Test
    void userpassNeedsUsernameAndPassword() {
        assertThatThrownBy(() -> resolve(method("userpass", "auth.username", "alice"), Map.of()))
                .hasMessageStartingWith("vault.auth.password:");
        VaultConfiguration c = method("userpass", "auth.username", "alice", "auth.password", "pw");
        assertThat(resolve(c, Map.of())).isInstanceOf(UserpassAuthentication.class);
    }

    @Test
    void certMethodRequiresAClientCertificate() {
        assertThatThrownBy(() -> resolve(method("cert"), Map.of())).hasMessageStartingWith("vault.tls.client-cert:");
    }

    @Test
    void unknownMethodListsTheValidOnes() {
        assertThatThrownBy(() -> resolve(method("ldap"), Map.of()))
                .hasMessageStartingWith("vault.auth.method:")
                .hasMessageContaining("kubernetes");
    }

    @Test
    void autoWithoutAnyCredentialFailsAtStartUpListingWhatItTried() {
        assertThatThrownBy(() -> resolve(Configs.config(), Map.of()))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageContaining("VAULT_TOKEN").hasMessageContaining(".vault-token").hasMessageContaining("VAULT_ROLE");
    }

    @Test
    void autoWithARoleButNoServiceAccountTokenNamesTheJwtFile() {
        VaultConfiguration c = Configs.config("auth.jwt-file", home.resolve("absent").toString());
        assertThatThrownBy(() -> resolve(c, Map.of("VAULT_ROLE", "monitor")))
                .hasMessageStartingWith("vault.auth.jwt-file:");
    }

    @Test
    void autoIsTheDefaultMethod() {
        assertThat(resolve(Configs.config(), Map.of("VAULT_TOKEN", "hvs.x"))).isInstanceOf(AutoAuthentication.class);
    }
}

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

    private static VaultConfiguration method(String method) {
        VaultConfiguration c = new VaultConfiguration();
        c.getAuth().setMethod(method);
        return c;
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
        VaultConfiguration c = method("kubernetes");
        c.getAuth().setJwtFile(home.resolve("no-such-token").toString());
        assertThatThrownBy(() -> resolve(c, Map.of("VAULT_ROLE", "monitor")))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageStartingWith("vault.auth.jwt-file:")
                .hasMessageContaining("no-such-token");
    }

    @Test
    void kubernetesWithoutARoleNamesTheRoleSetting() throws IOException {
        VaultConfiguration c = method("kubernetes");
        c.getAuth().setJwtFile(Files.writeString(home.resolve("sa"), "jwt").toString());
        assertThatThrownBy(() -> resolve(c, Map.of()))
                .hasMessageStartingWith("vault.auth.role:");
    }

    @Test
    void kubernetesUsesVaultRoleAndVaultMountPointLikeThePythonExporter() throws IOException {
        VaultConfiguration c = method("kubernetes");
        c.getAuth().setJwtFile(Files.writeString(home.resolve("sa"), "jwt").toString());
        VaultAuthentication auth = resolve(c, Map.of("VAULT_ROLE", "monitor", "VAULT_MOUNT_POINT", "k8s-prod"));
        assertThat(auth).isInstanceOf(KubernetesAuthentication.class);
        assertThat(auth.toString()).contains("k8s-prod").contains("monitor").doesNotContain("jwt=jwt");
    }

    @Test
    void approleNeedsARoleIdAndASecretIdOrFile() throws IOException {
        VaultConfiguration c = method("approle");
        assertThatThrownBy(() -> resolve(c, Map.of())).hasMessageStartingWith("vault.auth.role-id:");
        c.getAuth().setRoleId("rid");
        assertThatThrownBy(() -> resolve(c, Map.of())).hasMessageStartingWith("vault.auth.secret-id:");
        c.getAuth().setSecretIdFile(Files.writeString(home.resolve("sid"), "s").toString());
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
        VaultConfiguration c = method("userpass");
        c.getAuth().setUsername("alice");
        assertThatThrownBy(() -> resolve(c, Map.of())).hasMessageStartingWith("vault.auth.password:");
        c.getAuth().setPassword("pw");
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
        assertThatThrownBy(() -> resolve(new VaultConfiguration(), Map.of()))
                .isInstanceOf(VaultConfigurationException.class)
                .hasMessageContaining("VAULT_TOKEN").hasMessageContaining(".vault-token").hasMessageContaining("VAULT_ROLE");
    }

    @Test
    void autoWithARoleButNoServiceAccountTokenNamesTheJwtFile() {
        VaultConfiguration c = new VaultConfiguration();
        c.getAuth().setJwtFile(home.resolve("absent").toString());
        assertThatThrownBy(() -> resolve(c, Map.of("VAULT_ROLE", "monitor")))
                .hasMessageStartingWith("vault.auth.jwt-file:");
    }

    @Test
    void autoIsTheDefaultMethod() {
        assertThat(resolve(new VaultConfiguration(), Map.of("VAULT_TOKEN", "hvs.x"))).isInstanceOf(AutoAuthentication.class);
    }
}

package io.vaultpki.client.auth;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthOptionsTest {

    @Test
    void validationMessagesNameTheSetting() {
        assertThatThrownBy(() -> KubernetesAuthOptions.forRole(" "))
                .hasMessage("vault.auth.kubernetes.role must not be empty");
        assertThatThrownBy(() -> AppRoleAuthOptions.of("", "x"))
                .hasMessage("vault.auth.approle.role-id must not be empty");
        assertThatThrownBy(() -> UserpassAuthOptions.of("a/b", "pw"))
                .hasMessage("vault.auth.userpass.username must not contain '/'");
        assertThatThrownBy(() -> new JwtAuthOptions("/", null, CredentialSupplier.of("j")))
                .hasMessage("vault.auth.jwt.mount must not be empty");
    }

    @Test
    void defaultsAreTheStandardMountsAndPaths() {
        var k8s = KubernetesAuthOptions.forRole("vault-pki");
        assertThat(k8s.mount()).isEqualTo("kubernetes");
        assertThat(((FileCredentialSupplier) k8s.jwt()).file())
                .isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
        assertThat(AppRoleAuthOptions.of("r", "s").mount()).isEqualTo("approle");
        assertThat(UserpassAuthOptions.of("alice", "pw").mount()).isEqualTo("userpass");
        assertThat(CertAuthOptions.defaults().mount()).isEqualTo("cert");
        assertThat(JwtAuthOptions.defaultJwtPath(Map.of("NOMAD_SECRETS_DIR", "/alloc/task/secrets")))
                .isEqualTo(Path.of("/alloc/task/secrets/nomad_vault_default.jwt"));
        assertThat(JwtAuthOptions.defaultJwtPath(Map.of())).isEqualTo(Path.of("secrets/nomad_vault_default.jwt"));
    }

    @Test
    void mountsLoseSurroundingSlashes() {
        assertThat(KubernetesAuthOptions.forRole("r").withMount("/k8s/prod/").mount()).isEqualTo("k8s/prod");
    }

    @Test
    void optionsNeverPrintSecrets() {
        assertThat(AppRoleAuthOptions.of("role-id-123", "secret-id-456").toString())
                .doesNotContain("role-id-123").doesNotContain("secret-id-456");
        assertThat(UserpassAuthOptions.of("alice", "pa55word").toString()).doesNotContain("pa55word");
    }
}

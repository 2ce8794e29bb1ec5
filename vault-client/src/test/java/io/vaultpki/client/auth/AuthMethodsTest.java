package io.vaultpki.client.auth;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.http.VaultTransport;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.VaultEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each method logs in against the emulator, and fails with a clear message that never carries the credential. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMethodsTest {

    private static final TokenSpec SPEC = TokenSpec.of(Duration.ofHours(1), "pki-read");

    private VaultEmulator emu;
    private VaultTransport transport;

    @TempDir
    Path dir;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().start();
        transport = new JdkVaultTransport(VaultSettings.builder().address(emu.url())
                .retry(RetrySettings.defaults().withMaxAttempts(1)).build());
    }

    @AfterAll
    void stop() {
        transport.close();
        emu.close();
    }

    private void assertIssued(LoginToken login) {
        assertThat(login.fromLogin()).isTrue();
        assertThat(login.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(login.renewable()).isTrue();
        assertThat(login.policies()).contains("pki-read");
        assertThat(login.token().accessor()).isNotEmpty();
        assertThat(login.type()).isEqualTo("service");
        assertThat(emu.tokens().lookup(login.token().reveal())).isPresent();
    }

    @Test
    void appRoleLogsInWithRoleIdAndSecretIdFromAFile() throws Exception {
        emu.auth().appRole("approle").role("monitor", "role-1", "secret-id-good", SPEC);
        Path secretFile = dir.resolve("secret-id");
        Files.writeString(secretFile, "secret-id-good\n");

        assertIssued(new AppRoleAuthentication(AppRoleAuthOptions.withSecretIdFile("role-1", secretFile)).login(transport));
    }

    @Test
    void appRoleWithAWrongSecretIdFailsWithoutShowingIt() {
        emu.auth().appRole("approle").role("monitor", "role-1", "secret-id-good", SPEC);
        var auth = new AppRoleAuthentication(AppRoleAuthOptions.of("role-1", "secret-id-BAD-0042"));

        assertThatThrownBy(() -> auth.login(transport))
                .isInstanceOf(VaultLoginException.class)
                .hasMessage("Cannot log in using approle at auth/approle: invalid role or secret ID")
                .hasMessageNotContaining("secret-id-BAD-0042");
    }

    @Test
    void kubernetesReReadsTheServiceAccountTokenAtEachLogin() throws Exception {
        emu.auth().kubernetes("kubernetes").role("vault-pki", SPEC).acceptJwt("sa.jwt.one").acceptJwt("sa.jwt.two");
        Path jwt = dir.resolve("token");
        Files.writeString(jwt, "sa.jwt.one");
        var auth = new KubernetesAuthentication(KubernetesAuthOptions.forRole("vault-pki").withJwtFile(jwt));
        assertIssued(auth.login(transport));

        // the kubelet rotates the projected token; the old one is no longer accepted
        emu.auth().kubernetes("kubernetes").rejectJwt("sa.jwt.one");
        Files.writeString(jwt, "sa.jwt.two");
        assertIssued(auth.login(transport));
    }

    @Test
    void kubernetesWithARejectedJwtFailsWithoutShowingIt() throws Exception {
        emu.auth().kubernetes("k8s-prod").role("vault-pki", SPEC);
        Path jwt = dir.resolve("token");
        Files.writeString(jwt, "sa.jwt.unknown.9981");
        var auth = new KubernetesAuthentication(KubernetesAuthOptions.forRole("vault-pki").withMount("k8s-prod")
                .withJwtFile(jwt));

        assertThatThrownBy(() -> auth.login(transport))
                .isInstanceOf(VaultLoginException.class)
                .hasMessage("Cannot log in using kubernetes at auth/k8s-prod: permission denied")
                .hasMessageNotContaining("sa.jwt.unknown.9981");
    }

    @Test
    void kubernetesWithAMissingJwtFileNamesTheFile() {
        emu.auth().kubernetes("kubernetes").role("vault-pki", SPEC);
        Path jwt = dir.resolve("no-such-token");
        var auth = new KubernetesAuthentication(KubernetesAuthOptions.forRole("vault-pki").withJwtFile(jwt));

        assertThatThrownBy(() -> auth.login(transport))
                .isInstanceOf(VaultLoginException.class)
                .hasMessageContaining("auth/kubernetes")
                .hasMessageContaining(jwt.toString());
    }

    @Test
    void jwtUsesTheMountsDefaultRoleAndReReadsTheNomadIdentity() throws Exception {
        emu.auth().jwt("jwt-nomad").role("nomad-workloads", SPEC).defaultRole("nomad-workloads")
                .acceptJwt("nomad.wi.one").acceptJwt("nomad.wi.two");
        Path jwt = dir.resolve("nomad_vault_default.jwt");
        Files.writeString(jwt, "nomad.wi.one\n");
        var auth = new JwtAuthentication(JwtAuthOptions.of("jwt-nomad", null, jwt));
        assertIssued(auth.login(transport));

        Files.writeString(jwt, "nomad.wi.two\n");
        emu.auth().jwt("jwt-nomad").rejectJwt("nomad.wi.one");
        assertIssued(auth.login(transport));
    }

    @Test
    void jwtWithARejectedTokenFailsWithoutShowingIt() throws Exception {
        emu.auth().jwt("jwt").role("r", SPEC);
        Path jwt = dir.resolve("id.jwt");
        Files.writeString(jwt, "nomad.wi.expired.777");
        var auth = new JwtAuthentication(JwtAuthOptions.of(JwtAuthOptions.DEFAULT_MOUNT, "r", jwt));

        assertThatThrownBy(() -> auth.login(transport))
                .isInstanceOf(VaultLoginException.class)
                .hasMessageStartingWith("Cannot log in using jwt at auth/jwt: ")
                .hasMessageNotContaining("nomad.wi.expired.777");
    }

    @Test
    void userpassLogsInAtTheUsersPath() {
        emu.auth().userpass("userpass").user("alice", "correct horse", SPEC);

        assertIssued(new UserpassAuthentication(UserpassAuthOptions.of("alice", "correct horse")).login(transport));
        assertThat(emu.requests().count("POST", "auth/userpass/login/alice")).isEqualTo(1);
    }

    @Test
    void userpassWithAWrongPasswordFailsWithoutShowingIt() {
        emu.auth().userpass("userpass").user("alice", "correct horse", SPEC);
        var auth = new UserpassAuthentication(UserpassAuthOptions.of("alice", "battery staple"));

        assertThatThrownBy(() -> auth.login(transport))
                .isInstanceOf(VaultLoginException.class)
                .hasMessage("Cannot log in using userpass at auth/userpass: invalid username or password");
    }

    @Test
    void aLoginThatNeedsMfaIsAFailureNotAnEmptyToken() {
        emu.auth().appRole("approle-mfa").role("monitor", "role-m", "secret-m", SPEC);
        emu.faults().replaceBody("auth/approle-mfa/login", "{\"auth\":{\"client_token\":\"\",\"accessor\":\"\","
                + "\"mfa_requirement\":{\"mfa_request_id\":\"d0c9eec7\",\"mfa_constraints\":{}}}}");
        try {
            var auth = new AppRoleAuthentication(new AppRoleAuthOptions("approle-mfa", "role-m",
                    CredentialSupplier.of("secret-m")));

            assertThatThrownBy(() -> auth.login(transport))
                    .isInstanceOf(VaultLoginException.class)
                    .hasMessageContaining("MFA required");
        } finally {
            emu.faults().clear();
        }
    }

    @Test
    void aMissingMountIsReportedAsALoginFailure() {
        var auth = new UserpassAuthentication(UserpassAuthOptions.of("bob", "pw").withMount("nowhere"));

        assertThatThrownBy(() -> auth.login(transport))
                .isInstanceOf(VaultLoginException.class)
                .hasMessageStartingWith("Cannot log in using userpass at auth/nowhere: ");
    }
}

package io.vaultpki.fidelity.springvault;

import io.vaultpki.fidelity.fixture.EmulatorTarget;
import io.vaultpki.fidelity.fixture.Fixture;
import io.vaultpki.fidelity.fixture.TlsStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.FileSystemResource;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.ClientCertificateAuthentication;
import org.springframework.vault.authentication.ClientCertificateAuthenticationOptions;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultClient;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;
import org.springframework.vault.support.SslConfiguration.KeyStoreConfiguration;
import org.springframework.vault.support.VaultToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring Vault's TLS certificate login ({@code ClientCertificateAuthentication}) against the emulator over HTTPS
 * with a client certificate. Emulator only: a dev-server container listens on plain HTTP, and a TLS listener with
 * client-certificate auth needs certificates baked into its configuration
 * (docs/vault-compatibility.md#proven-by-other-clients).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringVaultClientCertificateLoginTest {

    private final EmulatorTarget target = EmulatorTarget.startWithTls();
    private SslConfiguration trustOnly;
    private SslConfiguration withClientCertificate;

    @BeforeAll
    void prepare() throws Exception {
        target.setup().prepare();
        var tls = target.emulator().orElseThrow().tls();
        var trustStore = KeyStoreConfiguration.of(new FileSystemResource(tls.caCertFile()), null,
                SslConfiguration.PEM_KEYSTORE_TYPE);
        trustOnly = SslConfiguration.forTrustStore(trustStore);
        withClientCertificate = trustOnly.withKeyStore(KeyStoreConfiguration.of(
                new FileSystemResource(TlsStores.clientKeyStore(tls)), TlsStores.PASSWORD, "PKCS12"));
    }

    @AfterAll
    void stop() {
        target.close();
    }

    private VaultClient client(SslConfiguration ssl) {
        return VaultClient.builder().endpoint(VaultEndpoint.from(target.address()))
                .requestFactory(ClientHttpRequestFactoryFactory.create(new ClientOptions(), ssl)).build();
    }

    @Test
    void springVaultLogsInWithItsTlsClientCertificate() {
        VaultClient client = client(withClientCertificate);
        var options = ClientCertificateAuthenticationOptions.builder().role(Fixture.ROLE_NAME).build();

        VaultToken token = new ClientCertificateAuthentication(options, client).login();

        var self = new VaultTemplate(client, new TokenAuthentication(token)).read("auth/token/lookup-self");
        assertThat(self.getRequiredData().get("policies")).asList().contains(Fixture.POLICY);
        assertThat(self.getRequiredData().get("path")).isEqualTo("auth/cert/login");
    }

    @Test
    void springVaultsCertificateLoginWithoutAClientCertificateFailsWithVaultsMessage() {
        VaultClient client = client(trustOnly);

        assertThatThrownBy(() -> new ClientCertificateAuthentication(client).login())
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("invalid certificate or no client certificate supplied");
    }
}

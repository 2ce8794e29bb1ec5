package io.vaultpki.fidelity.driver;

import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.vaultpki.emulator.EmulatorTls;
import io.vaultpki.fidelity.fixture.EmulatorTarget;
import io.vaultpki.fidelity.fixture.Fixture;
import io.vaultpki.fidelity.fixture.TlsStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * vault-java-driver's TLS certificate login ({@code auth().loginByCert()}) against the emulator over HTTPS. Emulator
 * only, like SpringVaultClientCertificateLoginTest. The emulator's client key is EC, and the driver's
 * {@code SslConfig.clientKeyPemFile} parses RSA keys only (its {@code KeyFactory.getInstance("RSA")}), so the client
 * certificate goes in through {@code SslConfig.keyStore} (docs/vault-compatibility.md#proven-by-other-clients).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultJavaDriverCertificateLoginTest {

    private final EmulatorTarget target = EmulatorTarget.startWithTls();
    private EmulatorTls tls;

    @BeforeAll
    void prepare() throws Exception {
        target.setup().prepare();
        tls = target.emulator().orElseThrow().tls();
    }

    @AfterAll
    void stop() {
        target.close();
    }

    private Vault vault(SslConfig ssl, String token) throws VaultException {
        return Vault.create(new VaultConfig().address(target.address().toString()).token(token).engineVersion(1)
                .sslConfig(ssl.build()).build(), 1);
    }

    @Test
    void driverLogsInWithItsTlsClientCertificate() throws Exception {
        // with a key store the driver takes its trust from trustStore(...) only, not from pemFile(...)
        var ssl = new SslConfig().trustStore(TlsStores.serverTrust(tls))
                .keyStore(TlsStores.clientKeys(tls), new String(TlsStores.PASSWORD));

        var login = vault(ssl, "").auth().loginByCert();

        assertThat(login.getAuthPolicies()).contains(Fixture.POLICY);
        var self = vault(ssl, login.getAuthClientToken()).auth().lookupSelf();
        assertThat(self.getPath()).isEqualTo("auth/cert/login");
    }

    @Test
    void driversCertificateLoginWithoutAClientCertificateIsA400WithVaultsMessage() throws Exception {
        var ssl = new SslConfig().pemFile(tls.caCertFile().toFile());

        assertThatThrownBy(() -> vault(ssl, "").auth().loginByCert())
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("invalid certificate or no client certificate supplied")
                .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(400));
    }
}

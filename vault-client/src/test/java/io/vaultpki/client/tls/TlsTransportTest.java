package io.vaultpki.client.tls;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.TlsSettings;
import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.VaultEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTransportTest {

    private static final VaultRequest HEALTH = VaultRequest.get("sys/health").unauthenticated().withoutNamespace();

    private VaultEmulator emu;
    private VaultEmulator mtls;

    @TempDir
    Path dir;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().tls(true).tlsServerName("vault.test").start();
        mtls = VaultEmulator.builder().tls(true).requireClientCertificate(true).start();
    }

    @AfterAll
    void stop() {
        emu.close();
        mtls.close();
    }

    private VaultHttpResponse health(VaultEmulator target, TlsSettings tls) {
        var settings = VaultSettings.builder().address(target.url()).tls(tls)
                .retry(RetrySettings.defaults().withMaxAttempts(1)).build();
        try (var t = new JdkVaultTransport(settings)) {
            return t.execute(HEALTH, null);
        }
    }

    @Test
    void trustsTheServerThroughACaFile() {
        var tls = new TlsSettings(emu.tls().caCertFile(), null, null, null, false, null);

        assertThat(health(emu, tls).status()).isEqualTo(200);
    }

    @Test
    void trustsTheServerThroughACaDirectory() throws Exception {
        Files.copy(emu.tls().caCertFile(), dir.resolve("vault-ca.pem"));
        Files.writeString(dir.resolve("README"), "not a certificate");
        var tls = new TlsSettings(null, dir, null, null, false, null);

        assertThat(health(emu, tls).status()).isEqualTo(200);
    }

    @Test
    void refusesAServerTheSystemTrustStoreDoesNotKnow() {
        assertThatThrownBy(() -> health(emu, TlsSettings.DEFAULT))
                .isInstanceOf(VaultTlsException.class)
                .hasMessageContaining(emu.url().toString());
    }

    @Test
    void skipVerifyAcceptsAnyServer() {
        assertThat(health(emu, new TlsSettings(null, null, null, null, true, null)).status()).isEqualTo(200);
    }

    @Test
    void refusesACertificateThatDoesNotMatchTheTlsServerName() {
        var tls = new TlsSettings(emu.tls().caCertFile(), null, null, null, false, "other.test");

        assertThatThrownBy(() -> health(emu, tls)).isInstanceOf(VaultTlsException.class)
                .hasMessageContaining("not valid for other.test");
    }

    @Test
    void acceptsTheCertificateForTheConfiguredTlsServerName() {
        var tls = new TlsSettings(emu.tls().caCertFile(), null, null, null, false, "vault.test");

        assertThat(health(emu, tls).status()).isEqualTo(200);
    }

    @Test
    void presentsTheClientCertificateForMutualTls() {
        var tls = new TlsSettings(mtls.tls().caCertFile(), null, mtls.tls().clientCertFile(),
                mtls.tls().clientKeyFile(), false, null);

        assertThat(health(mtls, tls).status()).isEqualTo(200);
    }

    @Test
    void failsWithoutAClientCertificateWhenTheServerRequiresOne() {
        var tls = new TlsSettings(mtls.tls().caCertFile(), null, null, null, false, null);

        // depending on TLS 1.3 timing the refusal arrives as a handshake alert or as a reset connection
        assertThatThrownBy(() -> health(mtls, tls))
                .isInstanceOfAny(VaultTlsException.class, VaultConnectionException.class);
    }

    @Test
    void aCaFileWithoutCertificatesNamesTheSetting() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.pem"), "hello");
        var tls = new TlsSettings(bogus, null, null, null, false, null);

        assertThatThrownBy(() -> health(emu, tls))
                .isInstanceOfSatisfying(VaultConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("vault.tls.ca-cert"))
                .hasMessageContaining(bogus.toString());
    }

    @Test
    void anEmptyCaDirectoryNamesTheSetting() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> health(emu, new TlsSettings(null, empty, null, null, false, null)))
                .hasMessageStartingWith("vault.tls.ca-path: ");
    }
}

package io.vaultpki.client.auth;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.TlsSettings;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.VaultEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS certificate login over a real mutual-TLS connection to the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertAuthenticationTest {

    private VaultEmulator emu;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().tls(true).start();
        emu.auth().cert("cert").role("vault-pki", TokenSpec.of(Duration.ofHours(1), "pki-read"));
    }

    @AfterAll
    void stop() {
        emu.close();
    }

    private JdkVaultTransport transport(boolean withClientCertificate) {
        var tls = emu.tls();
        return new JdkVaultTransport(VaultSettings.builder().address(emu.url())
                .tls(new TlsSettings(tls.caCertFile(), null, withClientCertificate ? tls.clientCertFile() : null,
                        withClientCertificate ? tls.clientKeyFile() : null, false, null))
                .retry(RetrySettings.defaults().withMaxAttempts(1)).build());
    }

    @Test
    void logsInWithTheClientCertificateTheTransportPresents() {
        try (var transport = transport(true)) {
            LoginToken login = new CertAuthentication(new CertAuthOptions("cert", "vault-pki")).login(transport);

            assertThat(login.policies()).contains("pki-read");
            assertThat(emu.tokens().lookup(login.token().reveal())).isPresent();
        }
    }

    @Test
    void withoutAClientCertificateTheErrorSaysSo() {
        try (var transport = transport(false)) {
            assertThatThrownBy(() -> new CertAuthentication(CertAuthOptions.defaults()).login(transport))
                    .isInstanceOf(VaultLoginException.class)
                    .hasMessageContaining("Cannot log in using cert at auth/cert")
                    .hasMessageContaining("client certificate");
        }
    }
}

package io.vaultpki.emulator;

import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS with the generated CA, mutual TLS, and TLS certificate auth. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

    private VaultEmulator mutual;
    private VaultEmulator optional;

    @BeforeAll
    void start() {
        mutual = VaultEmulator.builder().tls(true).tlsServerName("vault.test").requireClientCertificate(true).start();
        optional = VaultEmulator.builder().tls(true).start();
        optional.auth().cert("cert").role("monitor", TokenSpec.of(Duration.ofMinutes(20), "monitor"));
    }

    @AfterAll
    void stop() {
        mutual.close();
        optional.close();
    }

    @Test
    void servesHttpsOnLoopbackWithPemFilesForClients() throws Exception {
        assertThat(mutual.url().toString()).startsWith("https://127.0.0.1:");
        assertThat(Files.readString(mutual.tls().caCertFile())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(mutual.tls().clientCertFile())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(mutual.tls().clientKeyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(mutual.tls().serverName()).isEqualTo("vault.test");
    }

    @Test
    void clientWithTheClientCertificateCompletesMutualTls() {
        var client = HttpClient.newBuilder().sslContext(mutual.tls().clientSslContext(true)).build();

        var reply = new VaultHttp(mutual.url(), client).get("sys/health");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void clientWithoutACertificateIsRefusedWhenOneIsRequired() {
        var client = HttpClient.newBuilder().sslContext(mutual.tls().clientSslContext(false)).build();

        assertThatThrownBy(() -> new VaultHttp(mutual.url(), client).get("sys/health"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void clientThatDoesNotTrustTheEmulatorCaFailsTheHandshake() {
        var client = HttpClient.newBuilder().build();

        assertThatThrownBy(() -> new VaultHttp(optional.url(), client).get("sys/health"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void certLoginOverMutualTlsReturnsATokenWithCertificateMetadata() {
        var client = HttpClient.newBuilder().sslContext(optional.tls().clientSslContext(true)).build();

        var reply = new VaultHttp(optional.url(), client).post("auth/cert/login", "{\"name\":\"monitor\"}");

        assertThat(reply.status()).isEqualTo(200);
        var auth = reply.json().get("auth");
        assertThat(auth.get("metadata").get("cert_name").asText()).isEqualTo("monitor");
        assertThat(auth.get("metadata").get("common_name").asText()).isEqualTo("vault-pki-client");
        assertThat(auth.get("metadata").get("serial_number").asText()).matches("\\d+");
        assertThat(auth.get("metadata").get("authority_key_id").asText()).matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");
        assertThat(auth.get("lease_duration").asLong()).isEqualTo(1200);
    }

    @Test
    void certLoginWithoutAClientCertificateIs400() {
        var client = HttpClient.newBuilder().sslContext(optional.tls().clientSslContext(false)).build();

        var reply = new VaultHttp(optional.url(), client).post("auth/cert/login", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).asText())
                .isEqualTo("invalid certificate or no client certificate supplied");
    }

    @Test
    void certLoginWithAnUnknownRoleNameMatchesNothing() {
        var client = HttpClient.newBuilder().sslContext(optional.tls().clientSslContext(true)).build();

        var reply = new VaultHttp(optional.url(), client).post("auth/cert/login", "{\"name\":\"other\"}");

        assertThat(reply.json().get("errors").get(0).asText()).isEqualTo("no certificate was matched by this request");
    }
}

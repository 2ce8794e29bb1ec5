package io.vaultpki.exporter.material;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.pki.IssueRequest;
import io.vaultpki.client.pki.IssuedCertificate;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every key encoding Vault can return ({@code private_key_format} der and pkcs8, PEM and base64 DER) reads back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateKeyReaderTest {

    private VaultEmulator emu;
    private VaultClient client;

    @BeforeAll
    void startVault() {
        emu = VaultEmulator.builder().start();
        PkiMount pki = emu.pki().enable("pki/");
        pki.generateRoot(IssuerSpec.named("root").commonName("Key Root").key(KeyAlgorithm.EC_P256)
                .validFor(Duration.ofDays(365)));
        pki.role(RoleSpec.named("rsa").allowAnyName(true).key("rsa", 2048));
        pki.role(RoleSpec.named("ec").allowAnyName(true).key("ec", 384));
        pki.role(RoleSpec.named("ed").allowAnyName(true).key("ed25519", 0));
        client = VaultClient.create(VaultSettings.builder().address(emu.url()).allowRootToken(true)
                .retry(RetrySettings.defaults().withMaxAttempts(1)).build(),
                new TokenAuthentication(VaultToken.of(emu.rootToken())));
    }

    @AfterAll
    void stopVault() {
        client.close();
        emu.close();
    }

    private IssuedCertificate issue(String role, IssueRequest request) {
        return client.pki("pki").issue(role, request);
    }

    private void assertReadsBack(IssuedCertificate issued) {
        String encoded = issued.privateKey().orElseThrow().reveal();
        PrivateKey key = PrivateKeyReader.read("pki/issue/x", encoded);
        VaultMaterialSourceTest.assertKeyMatches(key, issued.certificate().certificate().getPublicKey());
    }

    @Test
    void readsRsaPkcs1Pem() {
        IssuedCertificate issued = issue("rsa", IssueRequest.of("a.example.com"));
        assertThat(issued.privateKey().orElseThrow().reveal()).contains("BEGIN RSA PRIVATE KEY");

        assertReadsBack(issued);
    }

    @Test
    void readsEcSec1Pem() {
        IssuedCertificate issued = issue("ec", IssueRequest.of("a.example.com"));
        assertThat(issued.privateKey().orElseThrow().reveal()).contains("BEGIN EC PRIVATE KEY");

        assertReadsBack(issued);
    }

    @Test
    void readsPkcs8PemOfEveryKeyType() {
        for (String role : new String[]{"rsa", "ec"}) {
            IssuedCertificate issued = issue(role, IssueRequest.of("a.example.com").withPrivateKeyFormat("pkcs8"));
            assertThat(issued.privateKey().orElseThrow().reveal()).contains("BEGIN PRIVATE KEY");
            assertReadsBack(issued);
        }
        IssuedCertificate ed = issue("ed", IssueRequest.of("a.example.com").withPrivateKeyFormat("pkcs8"));
        PrivateKey key = PrivateKeyReader.read("pki/issue/ed", ed.privateKey().orElseThrow().reveal());
        assertThat(key.getAlgorithm()).isIn("Ed25519", "EdDSA");
    }

    @Test
    void readsBase64Pkcs8Der() {
        IssuedCertificate issued = issue("ec", IssueRequest.of("a.example.com").withFormat("der").withPrivateKeyFormat("pkcs8"));

        assertReadsBack(issued);
    }

    @Test
    void unreadableKeyIsMaterialErrorThatNeverQuotesTheKey() {
        String garbage = "-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFF\n-----END PRIVATE KEY-----\n";
        String der = Base64.getEncoder().encodeToString("not a key at all".getBytes());

        assertThatThrownBy(() -> PrivateKeyReader.read("pki/issue/x", garbage))
                .isInstanceOf(MaterialException.class)
                .hasMessageContaining("the private key Vault returned")
                .hasMessageNotContaining("TUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFF");
        assertThatThrownBy(() -> PrivateKeyReader.read("pki/issue/x", der))
                .isInstanceOf(MaterialException.class)
                .hasMessageNotContaining(der);
    }
}

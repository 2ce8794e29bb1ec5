package io.vaultpki.client.contract;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.AppRoleAuthOptions;
import io.vaultpki.client.auth.AppRoleAuthentication;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.auth.UserpassAuthOptions;
import io.vaultpki.client.auth.UserpassAuthentication;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.http.VaultServerException;
import io.vaultpki.client.pki.CertificateRecord;
import io.vaultpki.client.pki.IssueRequest;
import io.vaultpki.client.pki.IssuedCertificate;
import io.vaultpki.client.pki.Issuer;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.client.pki.SignRequest;
import io.vaultpki.client.session.RootTokenRefusedException;
import io.vaultpki.client.sys.SecretsMount;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client behaviours every Vault must support, written once and run against the emulator (always) and against
 * real {@code hashicorp/vault} and {@code openbao/openbao} containers (where Docker exists). A difference between
 * the runs is a bug in the emulator or in the contract reference, never something to paper over here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractClientContractTest {

    private VaultFixture.Credentials credentials;
    private final List<VaultClient> clients = new ArrayList<>();

    /** The Vault under test; called once, before any test. */
    protected abstract VaultFixture fixture();

    @BeforeAll
    void prepareFixture() throws Exception {
        credentials = fixture().prepare();
    }

    @AfterAll
    void closeClients() {
        clients.forEach(VaultClient::close);
    }

    private VaultClient client(VaultAuthentication authentication) {
        VaultClient client = VaultClient.create(VaultSettings.builder().address(fixture().address())
                .readTimeout(Duration.ofSeconds(20)).build(), authentication);
        clients.add(client);
        return client;
    }

    private VaultClient tokenClient() {
        return client(new TokenAuthentication(VaultToken.of(credentials.clientToken())));
    }

    @Test
    void listsPkiMountsIncludingNestedOnesWithTheirTrailingSlash() {
        List<String> paths = tokenClient().sys().listPkiMounts().stream().map(SecretsMount::path).toList();
        assertThat(paths).contains("pki/", "team/a/pki/");
    }

    @Test
    void listsIssuersOfAMountWithTheDefaultMarked() {
        List<IssuerSummary> issuers = tokenClient().pki("pki/").listIssuers();
        assertThat(issuers).hasSize(1);
        assertThat(issuers.get(0).isDefault()).isTrue();
        assertThat(issuers.get(0).name()).isEqualTo("root-ca");
    }

    @Test
    void readsAnIntermediateIssuerOfANestedMountWithItsChainToTheRoot() {
        VaultClient client = tokenClient();
        String id = client.pki("team/a/pki").listIssuers().get(0).id();
        Issuer issuer = client.pki("team/a/pki").readIssuer(id);
        assertThat(issuer.certificate().commonName()).isEqualTo("Contract Intermediate");
        assertThat(issuer.certificate().ca()).isTrue();
        assertThat(issuer.certificate().selfSigned()).isFalse();
        assertThat(issuer.caChain()).extracting(ParsedCertificate::commonName)
                .containsExactly("Contract Intermediate", "Contract Root");
    }

    @Test
    void readsTheCrlOfAnIssuer() {
        ParsedCrl crl = tokenClient().pki("pki").readIssuerCrl("default");
        assertThat(crl.issuerDn()).contains("Contract Root");
        assertThat(crl.nextUpdate()).hasValueSatisfying(next -> assertThat(next).isAfter(crl.thisUpdate()));
    }

    @Test
    void issuesACertificateWithItsKeyAndFindsItByItsColonHexSerial() {
        VaultClient client = tokenClient();
        IssuedCertificate issued = client.pki("team/a/pki").issue("web",
                IssueRequest.of("app.example.com").withAltNames("api.example.com").withTtl(Duration.ofHours(1)));
        assertThat(issued.certificate().commonName()).isEqualTo("app.example.com");
        assertThat(issued.certificate().dnsNames()).contains("app.example.com", "api.example.com");
        assertThat(issued.privateKey()).isPresent();
        assertThat(issued.serialNumber()).matches("[0-9a-f]{2}(:[0-9a-f]{2})+");
        assertThat(issued.caChain()).first().extracting(ParsedCertificate::commonName).isEqualTo("Contract Intermediate");
        assertThat(client.pki("team/a/pki").listCertificates()).contains(issued.serialNumber());
        CertificateRecord record = client.pki("team/a/pki").readCertificate(issued.serialNumber().toUpperCase()).orElseThrow();
        assertThat(record.revoked()).isFalse();
        assertThat(record.certificate().notAfter()).isAfter(Instant.now());
    }

    @Test
    void aTtlAboveTheRoleMaximumIsCappedAndTheCertificateSaysSo() {
        IssuedCertificate issued = tokenClient().pki("team/a/pki").issue("web",
                IssueRequest.of("long.example.com").withTtl(Duration.ofDays(30)));
        assertThat(issued.certificate().notAfter()).isBefore(Instant.now().plus(Duration.ofHours(73)));
    }

    @Test
    void signsACsrWithoutEverSeeingTheKey() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = gen.generateKeyPair();
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=signed.example.com"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(csr);
        }
        IssuedCertificate signed = tokenClient().pki("team/a/pki").sign("web", pem.toString(), SignRequest.fromCsr());
        assertThat(signed.certificate().commonName()).isEqualTo("signed.example.com");
        assertThat(signed.certificate().certificate().getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(signed.privateKey()).isEmpty();
    }

    @Test
    void anUnknownIssuerReferenceIsAPermanentTypedError() {
        assertThatThrownBy(() -> tokenClient().pki("pki").readIssuer("no-such-issuer"))
                .isInstanceOfSatisfying(VaultServerException.class, e -> {
                    assertThat(e.isPkiReferenceError()).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.path()).isEqualTo("pki/issuer/no-such-issuer");
                });
    }

    @Test
    void logsInWithAppRoleAndGetsTheRolesPolicy() {
        VaultClient client = client(new AppRoleAuthentication(
                AppRoleAuthOptions.of(credentials.appRoleRoleId(), credentials.appRoleSecretId())));
        assertThat(client.sys().listPkiMounts()).isNotEmpty();
        assertThat(client.session().tokenInfo()).hasValueSatisfying(info -> {
            assertThat(info.policies()).contains("pki-client");
            assertThat(info.isRoot()).isFalse();
        });
    }

    @Test
    void logsInWithUserpass() {
        VaultClient client = client(new UserpassAuthentication(
                UserpassAuthOptions.of(credentials.username(), credentials.password())));
        assertThat(client.pki("pki").listIssuers()).hasSize(1);
    }

    @Test
    void refusesTheRootTokenByDefault() {
        VaultClient client = client(new TokenAuthentication(VaultToken.of(fixture().rootToken())));
        assertThatThrownBy(() -> client.sys().listPkiMounts())
                .isInstanceOf(RootTokenRefusedException.class)
                .hasMessageContaining("root")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(fixture().rootToken()));
    }

    // ---- the reads of the PKI health checks (issue 13), on a fresh mount with Vault's defaults

    @Test
    void readsTheDefaultCrlConfigWithTheFieldNamedDisable() {
        var crl = tokenClient().pki("pki").config().readCrlConfig();
        assertThat(crl.expiry()).isEqualTo(Duration.ofHours(72));
        assertThat(crl.disable()).isFalse();
        assertThat(crl.enableDelta()).contains(false);
        assertThat(crl.autoRebuild()).contains(false);
    }

    @Test
    void readsTheDeltaCrlOfAnIssuerWhenOneIsStored() {
        tokenClient().pki("pki").readDeltaCrl("default")
                .ifPresent(delta -> assertThat(delta.crl().getExtensionValue("2.5.29.27")).isNotNull());
    }

    @Test
    void readsTheKeyOfTheRootAsAPlainKey() {
        var config = tokenClient().pki("pki").config();
        var keys = config.listKeys();
        assertThat(keys).hasSize(1);
        var key = config.readKey(keys.get(0).keyId());
        assertThat(key.keyId()).isEqualTo(keys.get(0).keyId());
        assertThat(key.keyType()).isEqualTo("ec");
        assertThat(key.managed()).isFalse();
        assertThat(tokenClient().pki("pki").readIssuer("default").keyId()).isEqualTo(key.keyId());
    }

    @Test
    void readsTheDefaultAutoTidyConfigAndAnIdleTidyStatus() {
        var config = tokenClient().pki("pki").config();
        var tidy = config.readAutoTidyConfig();
        assertThat(tidy.enabled()).isFalse();
        assertThat(tidy.interval()).isEqualTo(Duration.ofHours(12));
        assertThat(tidy.pauseDuration()).contains(Duration.ZERO);
        var status = config.readTidyStatus();
        assertThat(status.state()).isEqualTo(io.vaultpki.client.pki.TidyStatus.State.INACTIVE);
        assertThat(status.timeFinished()).isEmpty();
    }

    @Test
    void readsTheDefaultAcmeAndClusterConfig() {
        var config = tokenClient().pki("pki").config();
        var acme = config.readAcmeConfig();
        assertThat(acme.enabled()).isFalse();
        assertThat(acme.allowedRoles()).containsExactly("*");
        assertThat(acme.eabPolicy()).isEqualTo("not-required");
        assertThat(config.readClusterConfig().path()).isEmpty();
    }

    @Test
    void aTokenWithoutTheTunePathGetsPermissionDenied() {
        assertThatThrownBy(() -> tokenClient().sys().readMountTune("pki"))
                .isInstanceOf(io.vaultpki.client.http.VaultPermissionDeniedException.class)
                .satisfies(e -> assertThat(io.vaultpki.client.failure.FailureClassifier.classify(e))
                        .isEqualTo(io.vaultpki.client.failure.FailureReason.PERMISSION_DENIED));
    }
}

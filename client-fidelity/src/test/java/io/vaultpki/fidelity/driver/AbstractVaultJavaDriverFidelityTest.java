package io.vaultpki.fidelity.driver;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.pki.CredentialFormat;
import io.github.jopenlibs.vault.api.pki.RoleOptions;
import io.github.jopenlibs.vault.api.sys.mounts.MountType;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.vaultpki.emulator.StandbyMode;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.fidelity.fixture.Fixture;
import io.vaultpki.fidelity.fixture.Pki;
import io.vaultpki.fidelity.fixture.VaultTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * vault-java-driver ({@code io.github.jopenlibs:vault-java-driver}) pointed at a {@link VaultTarget}: every
 * operation it offers that the emulator serves, with {@code engineVersion(1)} (no KV v2 path rewriting). Written
 * once, run against the emulator and against real Vault and OpenBao containers (where Docker exists); a
 * difference between the runs is an emulator bug or a documented client limit
 * (docs/vault-compatibility.md#proven-by-other-clients).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractVaultJavaDriverFidelityTest {

    protected Fixture fixture;

    /** The server under test; called after the class's containers have started. */
    protected abstract VaultTarget target();

    @BeforeAll
    void prepare() throws Exception {
        fixture = target().setup().prepare();
    }

    protected VaultConfig config(String token) throws VaultException {
        return new VaultConfig().address(target().address().toString()).token(token).engineVersion(1)
                .openTimeout(5).readTimeout(30).build();
    }

    protected Vault vault(String token) throws VaultException {
        return Vault.create(config(token), 1);
    }

    protected Vault client() throws VaultException {
        return vault(fixture.clientToken());
    }

    // ---- sys

    @Test
    void driverReadsHealthThroughDebug() throws Exception {
        var health = client().debug().health();

        assertThat(health.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(health.getInitialized()).isTrue();
        assertThat(health.getSealed()).isFalse();
        assertThat(health.getStandby()).isFalse();
        assertThat(health.getServerTimeUTC()).isPositive();
    }

    @Test
    void driverReadsSealStatusThroughSeal() throws Exception {
        var status = client().seal().sealStatus();

        assertThat(status.getSealed()).isFalse();
        assertThat(status.getThreshold()).isPositive();
        assertThat(status.getNumberOfShares()).isGreaterThanOrEqualTo(status.getThreshold());
        assertThat(status.getProgress()).isZero();
    }

    @Test
    void driverReadsTheMountTableThroughLogical() throws Exception {
        LogicalResponse mounts = client().logical().read("sys/mounts");

        assertThat(mounts.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(mounts.getDataObject().get(Fixture.INT_MOUNT + "/").asObject().getString("type", ""))
                .isEqualTo("pki");
    }

    @Test
    void driverListsMountsAndReadsAMountsTuneThroughSysMounts() throws Exception {
        var mounts = client().mounts().list().getMounts();
        var tune = vault(target().rootToken()).mounts().read(Fixture.EMPTY_MOUNT).getMount();

        assertThat(mounts).containsKeys(Fixture.ROOT_MOUNT + "/", Fixture.INT_MOUNT + "/", Fixture.EMPTY_MOUNT + "/");
        assertThat(mounts.get(Fixture.INT_MOUNT + "/").getType()).isEqualTo(MountType.PKI);
        // a mount without its own TTLs reports the system's 768h
        assertThat(tune.getConfig().getDefaultLeaseTtl()).isEqualTo(768 * 3600);
        assertThat(tune.getConfig().getMaxLeaseTtl()).isEqualTo(768 * 3600);
    }

    // ---- tokens

    @Test
    void driverLooksUpItsOwnToken() throws Exception {
        var self = client().auth().lookupSelf();

        assertThat(self.getPolicies()).contains("default", Fixture.POLICY);
        assertThat(self.getTTL()).isBetween(1L, 3600L);
        assertThat(self.isRenewable()).isTrue();
        assertThat(self.getPath()).isEqualTo("auth/token/create");
    }

    @Test
    void driverRenewsItsOwnToken() throws Exception {
        String token = newClientToken();

        var renewed = vault(token).auth().renewSelf(7200);

        assertThat(renewed.getAuthClientToken()).isEqualTo(token);
        assertThat(renewed.isAuthRenewable()).isTrue();
        assertThat(renewed.getAuthLeaseDuration()).isBetween(3600L, 7200L);
        assertThat(vault(token).auth().lookupSelf().getLastRenewalTime()).isPositive();
    }

    @Test
    void driverRevokesItsOwnToken() throws Exception {
        String token = newClientToken();

        vault(token).auth().revokeSelf();

        assertThatThrownBy(() -> vault(token).auth().lookupSelf()).isInstanceOf(VaultException.class)
                .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(403));
    }

    private String newClientToken() throws VaultException {
        var request = new io.github.jopenlibs.vault.api.Auth.TokenRequest().polices(List.of(Fixture.POLICY)).ttl("1h");
        return vault(target().rootToken()).auth().createToken(request).getAuthClientToken();
    }

    // ---- logins

    @Test
    void driverLogsInWithAppRole() throws Exception {
        var login = vault("").auth().loginByAppRole(fixture.appRoleId(), fixture.appRoleSecretId());

        assertLoggedIn(login.getAuthClientToken());
        assertThat(login.getAuthPolicies()).contains(Fixture.POLICY);
        assertThat(login.isAuthRenewable()).isTrue();
    }

    @Test
    void driverLogsInWithUserpass() throws Exception {
        var login = vault("").auth().loginByUserPass(Fixture.USERNAME, fixture.password());

        assertLoggedIn(login.getAuthClientToken());
        assertThat(login.getUsername()).isEqualTo(Fixture.USERNAME);
    }

    @Test
    void driverLogsInWithAJwt() throws Exception {
        var login = vault("").auth().loginByJwt(Fixture.JWT_MOUNT, Fixture.ROLE_NAME, fixture.jwt());

        assertLoggedIn(login.getAuthClientToken());
    }

    @Test
    void driverLogsInWithAKubernetesServiceAccountJwt() throws Exception {
        assumeTrue(fixture.kubernetesJwt().isPresent(), "no Kubernetes API for the TokenReview on " + target().name());

        var login = vault("").auth().loginByKubernetes(Fixture.ROLE_NAME, fixture.kubernetesJwt().get());

        assertLoggedIn(login.getAuthClientToken());
    }

    private void assertLoggedIn(String token) throws VaultException {
        assertThat(token).isNotBlank();
        assertThat(vault(token).auth().lookupSelf().getPolicies()).contains(Fixture.POLICY);
    }

    // ---- PKI

    @Test
    void driverIssuesACertificateThroughPki() throws Exception {
        var credential = client().pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "app.example.com", null, null, "30m",
                CredentialFormat.PEM).getCredential();

        X509Certificate certificate = Pki.certificate(credential.getCertificate());
        assertThat(Pki.commonName(certificate)).isEqualTo("app.example.com");
        assertThat(credential.getSerialNumber()).isEqualTo(Pki.serial(certificate));
        assertThat(Pki.commonName(Pki.certificate(credential.getIssuingCa()))).isEqualTo("Fidelity Intermediate");
        assertThat(credential.getPrivateKeyType()).isEqualTo("ec");
        assertThat(credential.getPrivateKey()).startsWith("-----BEGIN EC PRIVATE KEY-----");
    }

    @Test
    void driverSignsACertificateRequestThroughPki() throws Exception {
        var credential = client().pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "csr.example.com", null, null, "30m",
                CredentialFormat.PEM, Pki.csr("csr.example.com")).getCredential();

        assertThat(Pki.commonName(Pki.certificate(credential.getCertificate()))).isEqualTo("csr.example.com");
        assertThat(credential.getPrivateKey()).isNull();
    }

    @Test
    void driverRevokesACertificateAndFindsItOnTheCrl() throws Exception {
        var pki = client().pki(Fixture.INT_MOUNT);
        var credential = pki.issue(Fixture.ROLE, "revoked.example.com", null, null, "30m", CredentialFormat.PEM)
                .getCredential();

        var revoked = pki.revoke(credential.getSerialNumber());

        assertThat(revoked.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(Long.parseLong(revoked.getData().get("revocation_time"))).isPositive();
        var crl = client().logical().read(Fixture.INT_MOUNT + "/cert/crl");
        var serial = Pki.certificate(credential.getCertificate()).getSerialNumber();
        assertThat(Pki.crl(crl.getData().get("certificate").getBytes(StandardCharsets.US_ASCII))
                .getRevokedCertificate(serial)).isNotNull();
        var read = client().logical().read(Fixture.INT_MOUNT + "/cert/" + credential.getSerialNumber());
        assertThat(Long.parseLong(read.getData().get("revocation_time"))).isPositive();
    }

    @Test
    void driverReadsACertificateBySerialThroughLogical() throws Exception {
        var credential = client().pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "serial.example.com", null, null, "30m",
                CredentialFormat.PEM).getCredential();

        var read = client().logical().read(Fixture.INT_MOUNT + "/cert/" + credential.getSerialNumber());

        assertThat(Pki.certificate(read.getData().get("certificate")))
                .isEqualTo(Pki.certificate(credential.getCertificate()));
        assertThat(read.getData().get("revocation_time")).isEqualTo("0");
    }

    @Test
    void driverListsIssuedCertificatesThroughLogical() throws Exception {
        var credential = client().pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "listed.example.com", null, null, "30m",
                CredentialFormat.PEM).getCredential();

        var list = client().logical().list(Fixture.INT_MOUNT + "/certs");

        assertThat(list.getListData()).contains(credential.getSerialNumber());
    }

    @Test
    void driverReadsTheCaAndItsChainThroughLogical() throws Exception {
        var ca = client().logical().read(Fixture.INT_MOUNT + "/cert/ca");
        var chain = client().logical().read(Fixture.INT_MOUNT + "/cert/ca_chain");
        var issuer = client().logical().read(Fixture.INT_MOUNT + "/issuer/default/json");

        assertThat(Pki.commonName(Pki.certificate(ca.getData().get("certificate")))).isEqualTo("Fidelity Intermediate");
        assertThat(Pki.certificates(chain.getData().get("certificate"))).extracting(Pki::commonName)
                .containsExactly("Fidelity Intermediate", "Fidelity Root");
        assertThat(Pki.commonName(Pki.certificate(issuer.getData().get("certificate"))))
                .isEqualTo("Fidelity Intermediate");
    }

    /**
     * The role's data arrives intact, but the driver's {@code RoleOptions} mapping reads {@code allow_domains} for
     * the allowed domains and {@code allow_any_name} for the TTL (PkiResponse.buildRoleOptionsFromData in 6.2.1),
     * so those two are wrong against every Vault: a client limit, documented in
     * docs/vault-compatibility.md#proven-by-other-clients.
     */
    @Test
    void driverReadsTheRoleThroughPkiButMapsAllowedDomainsAndTtlFromTheWrongFields() throws Exception {
        var role = client().pki(Fixture.INT_MOUNT).getRole(Fixture.ROLE);

        assertThat(role.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(role.getData().get("allowed_domains")).isEqualTo("[\"" + Fixture.DOMAIN + "\"]");
        assertThat(role.getData().get("ttl")).isEqualTo("3600");
        assertThat(role.getRoleOptions().getAllowSubdomains()).isTrue();
        assertThat(role.getRoleOptions().getAllowBareDomains()).isTrue();
        assertThat(role.getRoleOptions().getMaxTtl()).isEqualTo("86400");
        assertThat(role.getRoleOptions().getKeyType()).isEqualTo("ec");
        assertThat(role.getRoleOptions().getKeyBits()).isEqualTo(256L);
        assertThat(role.getRoleOptions().getAllowedDomains()).as("read from allow_domains").isNull();
        assertThat(role.getRoleOptions().getTtl()).as("read from allow_any_name").isEqualTo("false");
        assertThat(client().pki(Fixture.INT_MOUNT).getRole("nope").getRestResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void driverCreatesIssuesWithAndDeletesARoleThroughPki() throws Exception {
        var pki = vault(target().rootToken()).pki(Fixture.INT_MOUNT);
        var options = new RoleOptions().allowedDomains(List.of("example.org")).allowSubdomains(true).maxTtl("2h")
                .keyType("ec").keyBits(256L);

        var created = pki.createOrUpdateRole("driver-role", options);
        var issued = pki.issue("driver-role", "api.example.org", null, null, "1h", CredentialFormat.PEM);
        var read = pki.getRole("driver-role");
        var deleted = pki.deleteRole("driver-role");

        assertThat(created.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(created.getData().get("allowed_domains")).isEqualTo("[\"example.org\"]");
        assertThat(Pki.commonName(Pki.certificate(issued.getCredential().getCertificate())))
                .isEqualTo("api.example.org");
        assertThat(read.getData().get("max_ttl")).isEqualTo("7200");
        assertThat(deleted.getRestResponse().getStatus()).isEqualTo(204);
        assertThat(pki.getRole("driver-role").getRestResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void driverReadsAnEmptyListAsAnEmptyListWithTheStatus404() throws Exception {
        var list = client().logical().list(Fixture.EMPTY_MOUNT + "/certs");

        assertThat(list.getListData()).isEmpty();
        assertThat(list.getRestResponse().getStatus()).isEqualTo(404);
        assertThat(new String(list.getRestResponse().getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"errors\":[]}\n");
    }

    @Test
    void driverReadsAnUnknownSerialAsA404Response() throws Exception {
        var read = client().logical().read(Fixture.INT_MOUNT + "/cert/01:02:03:04");

        assertThat(read.getRestResponse().getStatus()).isEqualTo(404);
        assertThat(read.getData()).isEmpty();
    }

    // ---- namespaces

    @Test
    void driverIssuesInsideANamespaceThroughVaultConfigNameSpace() throws Exception {
        assumeTrue(target().supportsNamespaces(), target().name() + " has no namespaces");
        var config = new VaultConfig().address(target().address().toString()).token(target().rootToken())
                .engineVersion(1).nameSpace(Fixture.NAMESPACE).build();
        Vault vault = Vault.create(config, 1);

        var credential = vault.pki(Fixture.ROOT_MOUNT).issue(Fixture.ROLE, "team.example.com", null, null, "30m",
                CredentialFormat.PEM).getCredential();

        assertThat(Pki.commonName(Pki.certificate(credential.getIssuingCa()))).isEqualTo("Fidelity Team Root");
        assertThat(vault.logical().list(Fixture.ROOT_MOUNT + "/certs").getListData())
                .contains(credential.getSerialNumber());
        assertThat(vault.logical().read("sys/mounts").getDataObject().names())
                .contains(Fixture.ROOT_MOUNT + "/").doesNotContain(Fixture.INT_MOUNT + "/");
    }

    /**
     * The driver sends {@code X-Vault-Namespace} on every request, {@code sys/health} included. OpenBao refuses a
     * namespace there (400 {@code operation unavailable in namespaces}, {@code restrictedSysAPIsNonLogical} in
     * https://github.com/openbao/openbao/blob/main/internal/http/handler.go), so a namespaced driver cannot read
     * health on OpenBao: a client limit. {@code seal-status} is not restricted and answers.
     */
    @Test
    void driversNamespaceHeaderOnSysHealthIsRefusedByOpenBaoButNotOnSealStatus() throws Exception {
        assumeTrue(target().supportsNamespaces(), target().name() + " has no namespaces");
        Vault vault = Vault.create(new VaultConfig().address(target().address().toString())
                .token(fixture.clientToken()).engineVersion(1).nameSpace(Fixture.NAMESPACE).build(), 1);

        assertThat(vault.seal().sealStatus().getSealed()).isFalse();
        if (target().flavor() == Flavor.OPENBAO) {
            // the driver's message carries the status only, not Vault's error body
            assertThatThrownBy(() -> vault.debug().health()).isInstanceOf(VaultException.class)
                    .hasMessage("Vault responded with HTTP status code: 400")
                    .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(400));
        } else {
            assertThat(vault.debug().health().getInitialized()).isTrue();
        }
    }

    // ---- errors

    @Test
    void driverReportsPermissionDeniedWithStatus403() throws Exception {
        Vault vault = vault(fixture.defaultOnlyToken());

        assertThatThrownBy(() -> vault.pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "denied.example.com", null, null,
                "30m", CredentialFormat.PEM))
                .isInstanceOf(VaultException.class)
                .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(403));
        var read = vault.logical().read(Fixture.INT_MOUNT + "/roles/" + Fixture.ROLE);
        assertThat(read.getRestResponse().getStatus()).isEqualTo(403);
        assertThat(new String(read.getRestResponse().getBody(), StandardCharsets.UTF_8)).contains("permission denied");
    }

    @Test
    void driverReportsA400WithVaultsErrorBody() throws Exception {
        assertThatThrownBy(() -> client().pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "evil.org", null, null, "30m",
                CredentialFormat.PEM))
                .isInstanceOf(VaultException.class)
                .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(400))
                .hasMessageContaining("common name evil.org not allowed by this role");
        var write = client().logical().write(Fixture.INT_MOUNT + "/issue/nope", Map.of("common_name", "a.example.com"));
        assertThat(write.getRestResponse().getStatus()).isEqualTo(400);
        assertThat(new String(write.getRestResponse().getBody(), StandardCharsets.UTF_8)).contains("unknown role: nope");
    }

    @Test
    void driverReportsAnUnknownIssuerAsVaults500WithItsBody() throws Exception {
        assertThatThrownBy(() -> client().logical().read(Fixture.INT_MOUNT + "/issuer/nope/json"))
                .isInstanceOf(VaultException.class)
                .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(500))
                .hasMessageContaining("unable to find PKI issuer for reference: nope");
    }

    @Test
    void driverReportsRateLimitingWithStatus429() throws Exception {
        VaultEmulator emulator = emulatorOnly("a rate-limit quota");
        emulator.faults().rateLimit("^" + Fixture.INT_MOUNT + "/issue/", 1);
        try {
            assertThatThrownBy(() -> client().pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "limited.example.com", null,
                    null, "30m", CredentialFormat.PEM))
                    .isInstanceOf(VaultException.class)
                    .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(429));
        } finally {
            emulator.faults().clear();
        }
    }

    @Test
    void driversRetrySettingsRideOutOneRateLimitedAnswer() throws Exception {
        VaultEmulator emulator = emulatorOnly("a rate-limit quota");
        emulator.faults().rateLimit("^" + Fixture.INT_MOUNT + "/issue/", 1);
        emulator.requests().clear();
        try {
            var credential = client().withRetries(2, 10).pki(Fixture.INT_MOUNT).issue(Fixture.ROLE,
                    "retried.example.com", null, null, "30m", CredentialFormat.PEM).getCredential();

            assertThat(Pki.commonName(Pki.certificate(credential.getCertificate()))).isEqualTo("retried.example.com");
            assertThat(emulator.requests().count("POST", Fixture.INT_MOUNT + "/issue/" + Fixture.ROLE)).isEqualTo(2);
        } finally {
            emulator.faults().clear();
        }
    }

    /** The driver's retry loop retries every failure, a permanent 400 too (OperationsBase.retry in 6.2.1). */
    @Test
    void driversRetrySettingsAlsoRepeatAPermanent400() throws Exception {
        VaultEmulator emulator = emulatorOnly("counting the requests");
        emulator.requests().clear();

        assertThatThrownBy(() -> client().withRetries(2, 10).pki(Fixture.INT_MOUNT).issue(Fixture.ROLE, "evil.org",
                null, null, "30m", CredentialFormat.PEM))
                .isInstanceOf(VaultException.class)
                .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(400));
        assertThat(emulator.requests().count("POST", Fixture.INT_MOUNT + "/issue/" + Fixture.ROLE)).isEqualTo(3);
    }

    @Test
    void driverSeesASealedVaultInHealthSealStatusAnd503() throws Exception {
        VaultEmulator emulator = emulatorOnly("sealing the server");
        emulator.faults().seal();
        try {
            var health = client().debug().health();
            assertThat(health.getRestResponse().getStatus()).isEqualTo(503);
            assertThat(health.getSealed()).isTrue();
            assertThat(client().seal().sealStatus().getSealed()).isTrue();
            assertThatThrownBy(() -> client().logical().read(Fixture.INT_MOUNT + "/cert/ca"))
                    .isInstanceOf(VaultException.class)
                    .satisfies(e -> assertThat(((VaultException) e).getHttpStatusCode()).isEqualTo(503))
                    .hasMessageContaining("Vault is sealed");
        } finally {
            emulator.faults().clear();
        }
    }

    @Test
    void driverReadsAStandbysHealth429AsStandby() throws Exception {
        VaultEmulator emulator = emulatorOnly("a standby node");
        emulator.faults().standby(StandbyMode.FORWARD);
        try {
            var health = client().debug().health();

            assertThat(health.getRestResponse().getStatus()).isEqualTo(429);
            assertThat(health.getStandby()).isTrue();
            assertThat(health.getSealed()).isFalse();
            assertThat(client().debug().health(true, null, null, null, null, null, null, null)
                    .getRestResponse().getStatus()).as("standbyok").isEqualTo(200);
        } finally {
            emulator.faults().clear();
        }
    }

    /** Fault injection exists only on the emulator (see AbstractSpringVaultFidelityTest#emulatorOnly). */
    private VaultEmulator emulatorOnly(String what) {
        assumeTrue(target().emulator().isPresent(), what + " is only injected on the emulator");
        return target().emulator().get();
    }
}

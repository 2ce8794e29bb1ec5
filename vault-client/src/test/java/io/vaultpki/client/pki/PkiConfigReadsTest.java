package io.vaultpki.client.pki;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.failure.FailureClassifier;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.AutoTidyConfig;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.emulator.pki.TidyRun;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The health-check reads against the emulator over real HTTP: values, absent fields, 403, 404 and 405. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiConfigReadsTest {

    private VaultEmulator emu;
    private VaultEmulator old;
    private JdkVaultTransport transport;
    private JdkVaultTransport oldTransport;
    private PkiMount mount;
    private io.vaultpki.emulator.pki.Issuer root;
    private io.vaultpki.emulator.pki.Issuer hsmRoot;
    private PkiOperations pki;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().start();
        transport = new JdkVaultTransport(VaultSettings.builder().address(emu.url()).build());
        mount = emu.pki().enable("pki");
        root = mount.generateRoot(IssuerSpec.named("root").key(KeyAlgorithm.EC_P256));
        hsmRoot = mount.generateRoot(IssuerSpec.named("hsm-root").key(KeyAlgorithm.RSA_2048));
        mount.managedKey(hsmRoot.keyId(), "pkcs11-root");
        mount.keyName(root.keyId(), "root-key");
        mount.role(RoleSpec.named("web").allowedDomains("*").allowGlobDomains(true).noStore(true)
                .allowWildcardCertificates(true).maxTtl(Duration.ofDays(400)));
        pki = new PkiOperations("pki", executor(transport, emu.rootToken()));

        old = VaultEmulator.builder().version("1.11.12").start();
        old.pki().enable("pki").generateRoot(IssuerSpec.named("ca"));
        oldTransport = new JdkVaultTransport(VaultSettings.builder().address(old.url()).build());
    }

    @AfterAll
    void stop() {
        emu.close();
        old.close();
    }

    @Test
    void readCrlConfigHasTheDefaultsAndTheDisableKnob() {
        CrlConfig defaults = pki.config().readCrlConfig();
        assertThat(defaults.expiry()).isEqualTo(Duration.ofHours(72));
        assertThat(defaults.disable()).isFalse();
        assertThat(defaults.enableDelta()).contains(false);
        assertThat(defaults.deltaRebuildInterval()).contains(Duration.ofMinutes(15));
        assertThat(defaults.unifiedCrl()).contains(false);

        PkiMount other = emu.pki().enable("crl-off");
        other.crlConfig(io.vaultpki.emulator.pki.CrlConfig.defaults().withDisable(true)
                .withAutoRebuild(true, Duration.ofHours(1)));
        CrlConfig off = new PkiOperations("crl-off", executor(transport, emu.rootToken())).config().readCrlConfig();
        assertThat(off.disable()).isTrue();
        assertThat(off.autoRebuild()).contains(true);
        assertThat(off.autoRebuildGracePeriod()).contains(Duration.ofHours(1));
    }

    @Test
    void readDeltaCrlParsesTheDeltaOfTheIssuer() {
        ParsedCrl delta = pki.readDeltaCrl("root").orElseThrow();
        assertThat(delta.revokedCount()).isZero();
        assertThat(delta.crl().getExtensionValue("2.5.29.27")).as("Delta CRL Indicator").isNotNull();
    }

    @Test
    void keysListAndReadTellAManagedKeyFromAPlainOne() {
        assertThat(pki.config().listKeys()).extracting(KeySummary::keyId)
                .containsExactlyInAnyOrder(root.keyId(), hsmRoot.keyId());
        assertThat(pki.config().listKeys()).contains(new KeySummary(root.keyId(), "root-key"));

        PkiKey plain = pki.config().readKey(root.keyId());
        assertThat(plain.keyName()).isEqualTo("root-key");
        assertThat(plain.keyType()).isEqualTo("ec");
        assertThat(plain.managed()).isFalse();
        assertThat(plain.managedKeyId()).isEmpty();
        PkiKey managed = pki.config().readKey(hsmRoot.keyId());
        assertThat(managed.managed()).isTrue();
        assertThat(managed.managedKeyName()).contains("pkcs11-root");
        assertThat(pki.readIssuer("hsm-root").keyId()).isEqualTo(hsmRoot.keyId());
    }

    @Test
    void keyAndIssuerReferencesThatWouldLeaveThePathAreRefused() {
        for (String bad : List.of("..", "../sys", "a/b", "", ".")) {
            assertThatThrownBy(() -> pki.config().readKey(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pki.readDeltaCrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void autoTidyAndTidyStatusCarryTheConfiguredRun() {
        PkiMount tidy = emu.pki().enable("tidy");
        tidy.generateRoot(IssuerSpec.named("ca"));
        tidy.autoTidy(AutoTidyConfig.defaults().withEnabled(true, Duration.ofDays(3))
                .withPauseDuration(Duration.ofMillis(250)).withCounts(true, false));
        Instant started = Instant.parse("2026-03-01T10:00:00.25Z");
        tidy.tidyRun(TidyRun.failed(started, started.plusSeconds(30), "storage unavailable"), started.minusSeconds(60));
        PkiConfigReads reads = new PkiOperations("tidy", executor(transport, emu.rootToken())).config();

        io.vaultpki.client.pki.AutoTidyConfig auto = reads.readAutoTidyConfig();
        assertThat(auto.enabled()).isTrue();
        assertThat(auto.interval()).isEqualTo(Duration.ofDays(3));
        assertThat(auto.pauseDuration()).contains(Duration.ofMillis(250));
        assertThat(auto.tidyCertStore()).isTrue();
        assertThat(auto.maintainCounts()).contains(true);

        TidyStatus status = reads.readTidyStatus();
        assertThat(status.state()).isEqualTo(TidyStatus.State.ERROR);
        assertThat(status.stateText()).isEqualTo("Error");
        assertThat(status.timeStarted()).contains(started);
        assertThat(status.timeFinished()).contains(started.plusSeconds(30));
        assertThat(status.error()).contains("storage unavailable");
        assertThat(status.currentCertStoreCount()).hasValue(1);
        assertThat(status.lastAutoTidyFinished()).contains(started.minusSeconds(60));
    }

    @Test
    void anIdleTidyStatusHasEmptyTimesAndNoCounts() {
        TidyStatus idle = pki.config().readTidyStatus();
        assertThat(idle.state()).isEqualTo(TidyStatus.State.INACTIVE);
        assertThat(idle.timeStarted()).isEmpty();
        assertThat(idle.certStoreDeleted()).isEmpty();
        assertThat(idle.currentCertStoreCount()).isEmpty();
        assertThat(idle.lastAutoTidyFinished()).as("Vault reports the mount's start-up").isPresent();
    }

    @Test
    void acmeAndClusterConfigAreRead() {
        PkiMount acme = emu.pki().enable("acme");
        acme.acmeConfig(io.vaultpki.emulator.pki.AcmeConfig.defaults().withEnabled(true));
        PkiConfigReads reads = new PkiOperations("acme", executor(transport, emu.rootToken())).config();

        AcmeConfig config = reads.readAcmeConfig();
        assertThat(config.enabled()).isTrue();
        assertThat(config.allowedRoles()).containsExactly("*");
        assertThat(config.eabPolicy()).isEqualTo("not-required");
        assertThat(config.maxTtl()).contains(Duration.ZERO);
        assertThat(config.warnings()).singleElement().asString().contains("'path'");

        acme.clusterConfig(new io.vaultpki.emulator.pki.ClusterConfig("http://vault:8200/v1/acme", ""));
        assertThat(reads.readClusterConfig()).isEqualTo(new ClusterConfig("http://vault:8200/v1/acme", ""));
        assertThat(reads.readAcmeConfig().warnings()).isEmpty();
    }

    @Test
    void roleCarriesTheFlagsTheRoleChecksRead() {
        Role web = pki.readRole("web").orElseThrow();
        assertThat(web.allowLocalhost()).isTrue();
        assertThat(web.allowGlobDomains()).isTrue();
        assertThat(web.allowWildcardCertificates()).isTrue();
        assertThat(web.noStore()).isTrue();
        assertThat(web.allowedDomains()).containsExactly("*");
        assertThat(web.maxTtl()).isEqualTo(Duration.ofDays(400));
        assertThat(web.flag("allow_wildcard_certificates")).contains(true);
        Role old = new Role("old", java.util.Map.of("allow_localhost", "yes"));
        assertThat(old.allowWildcardCertificates()).isTrue();
        assertThat(old.flag("allow_wildcard_certificates")).as("a Vault without the field").isEmpty();
        assertThat(old.flag("allow_localhost")).as("not a JSON boolean").isEmpty();
    }

    @Test
    void aDenyingPolicyIsAPermissionDeniedFailureWithStatusAndPath() {
        emu.policies().put("no-crl-config", Policy.builder().path("pki/*", "read", "list")
                .path("pki/config/crl", "deny").build());
        String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "no-crl-config"));
        PkiConfigReads reads = new PkiOperations("pki", executor(transport, token)).config();

        assertThatThrownBy(reads::readCrlConfig).isInstanceOfSatisfying(VaultPermissionDeniedException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains("pki/config/crl");
            assertThat(FailureClassifier.classify(e)).isEqualTo(FailureReason.PERMISSION_DENIED);
        });
        assertThat(reads.readTidyStatus().state()).isEqualTo(TidyStatus.State.INACTIVE);
    }

    @Test
    void anEndpointTheVersionLacksIsAnUnsupportedPathNotFound() {
        PkiOperations oldPki = new PkiOperations("pki", executor(oldTransport, old.rootToken()));

        for (Runnable read : List.<Runnable>of(() -> oldPki.config().readAutoTidyConfig(),
                () -> oldPki.config().readAcmeConfig(), () -> oldPki.config().readClusterConfig(),
                () -> oldPki.readDeltaCrl("default"))) {
            assertThatThrownBy(read::run).isInstanceOfSatisfying(VaultNotFoundException.class, e -> {
                assertThat(e.isUnsupportedPath()).isTrue();
                assertThat(FailureClassifier.classify(e)).isEqualTo(FailureReason.NOT_FOUND);
            });
        }
        assertThat(oldPki.config().readCrlConfig().enableDelta()).as("delta CRLs came in 1.12").isEmpty();
        assertThat(oldPki.config().listKeys()).hasSize(1);
    }

    @Test
    void aLegacyMountLacksTheNewerCrlConfigFieldsAndTheKeys() {
        emu.pki().enable("legacy").legacy(true);
        PkiConfigReads reads = new PkiOperations("legacy", executor(transport, emu.rootToken())).config();

        CrlConfig crl = reads.readCrlConfig();
        assertThat(crl.expiry()).isEqualTo(Duration.ofHours(72));
        assertThat(crl.enableDelta()).isEmpty();
        assertThat(crl.autoRebuild()).isEmpty();
        assertThatThrownBy(reads::listKeys).isInstanceOfSatisfying(VaultNotFoundException.class,
                e -> assertThat(e.isUnsupportedPath()).isTrue());
    }

    @Test
    void aWrongOperationIs405InvalidRequest() {
        VaultExecutor root = executor(transport, emu.rootToken());
        var req = io.vaultpki.client.http.VaultRequest.list("pki/config/crl");
        assertThatThrownBy(() -> root.execute(req)).isInstanceOfSatisfying(VaultResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(405);
            assertThat(FailureClassifier.classify(e)).isEqualTo(FailureReason.INVALID_REQUEST);
        });
    }

    @Test
    void onOpenBaoTheVaultOnlyFieldsAreEmpty() {
        try (var bao = VaultEmulator.builder().flavor(io.vaultpki.emulator.spi.Flavor.OPENBAO).start();
             var baoTransport = new JdkVaultTransport(VaultSettings.builder().address(bao.url()).build())) {
            bao.pki().enable("pki").generateRoot(IssuerSpec.named("ca"));
            PkiConfigReads reads = new PkiOperations("pki", executor(baoTransport, bao.rootToken())).config();

            CrlConfig crl = reads.readCrlConfig();
            assertThat(crl.enableDelta()).contains(false);
            assertThat(crl.unifiedCrl()).isEmpty();
            assertThat(reads.readAcmeConfig().maxTtl()).isEmpty();
            assertThat(reads.readAutoTidyConfig().interval()).isEqualTo(Duration.ofHours(12));
        }
    }

    private static VaultExecutor executor(JdkVaultTransport transport, String token) {
        VaultToken t = VaultToken.of(token);
        return request -> transport.execute(request, t);
    }
}

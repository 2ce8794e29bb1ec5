package io.vaultpki.monitor.refresh;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.AutoAuthentication;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.testkit.CapturedLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiRefresherTest {

    private static final String POLICY = "monitor";
    private static final List<String> MOUNTS = List.of("content/", "team/a/pki/", "deny-ok/", "deny-bad/", "churn/",
            "steady/", "noleaves/", "listfail/", "seal/", "down/", "excl/", "ns1/pki/", "legacy/", "early/", "many/",
            "stop-a/", "stop-b/", "stop-c/", "auto/", "summary/", "secret/");

    private final List<VaultClient> clients = new ArrayList<>();
    private VaultEmulator emu;
    private String token;

    @BeforeAll
    void startVault() {
        emu = VaultEmulator.builder().enterpriseNamespaces(true).start();
        emu.namespaces().create("ns1");
        emu.pki().enable("ns1", "pki").generateRoot(IssuerSpec.named("ns-root"));
        grant(MOUNTS);
        token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), POLICY));
    }

    @AfterAll
    void stopVault() {
        clients.forEach(VaultClient::close);
        emu.close();
    }

    private void grant(List<String> mounts) {
        Policy.Builder policy = Policy.builder().path("sys/mounts", "read").path("ns1/sys/mounts", "read")
                .path("ns1/auth/token/lookup-self", "read");
        mounts.forEach(m -> policy.path(m + "*", "read", "list"));
        emu.policies().put(POLICY, policy.build());
    }

    private VaultClient client(String namespace) {
        VaultSettings settings = VaultSettings.builder().address(emu.url()).namespace(namespace).build();
        VaultClient client = VaultClient.create(settings, new TokenAuthentication(VaultToken.of(token)));
        clients.add(client);
        return client;
    }

    private Fixture refresher(String... include) {
        return refresher(client(null), new SnapshotHolder(VaultSettings.builder().address(emu.url()).build()), true,
                include);
    }

    private Fixture refresher(VaultClient client, SnapshotHolder holder, boolean leaves, String... include) {
        return refresher(client, holder, leaves, List.of(), include);
    }

    private Fixture refresher(VaultClient client, SnapshotHolder holder, boolean leaves, List<String> namespaces,
                              String... include) {
        return refresher(client, new TokenAuthentication(VaultToken.of(token)), holder, leaves, namespaces, null, 4,
                include);
    }

    private Fixture refresher(VaultClient client, VaultAuthentication authentication, SnapshotHolder holder,
                              boolean leaves, List<String> namespaces, String pkiMountPath, int concurrency,
                              String... include) {
        MountsConfiguration mounts = new MountsConfiguration(pkiMountPath, List.of(include), List.of(), namespaces);
        LeavesConfiguration leavesConfiguration = new LeavesConfiguration(leaves);
        RefreshConfiguration configuration = new RefreshConfiguration(Duration.ofSeconds(60), concurrency, null,
                Duration.ZERO);
        MeterRegistry registry = new SimpleMeterRegistry();
        PkiRefresher refresher = new PkiRefresher(client, authentication, holder, new MountSelection(mounts),
                configuration, leavesConfiguration, new RefreshMetrics(registry), new RequestLimiter(configuration));
        return new Fixture(refresher, holder, registry);
    }

    private Fixture withPkiMountPath(String pkiMountPath) {
        return refresher(client(null), new TokenAuthentication(VaultToken.of(token)), holder(), true, List.of(),
                pkiMountPath, 4);
    }

    private SnapshotHolder holder() {
        return new SnapshotHolder(VaultSettings.builder().address(emu.url()).build());
    }

    private record Fixture(PkiRefresher refresher, SnapshotHolder holder, MeterRegistry registry) {
        PkiSnapshot refresh() {
            return refresher.refresh();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void theSnapshotHoldsIssuersCrlsAndLeavesWithSupersededAndRevocationFromTheCrl() {
        PkiMount mount = emu.pki().enable("content");
        var root = mount.generateRoot(IssuerSpec.named("root").commonName("Content Root").key(KeyAlgorithm.RSA_2048));
        var intermediate = mount.generateIntermediate(
                IssuerSpec.named("int").commonName("Content Intermediate").key(KeyAlgorithm.EC_P384), root);
        String older = mount.issueLeaf(LeafSpec.commonName("a.example").ou("web").issuer(intermediate)
                .notBefore(now().minus(Duration.ofDays(2)))).serialNumber();
        String newer = mount.issueLeaf(LeafSpec.commonName("a.example").ou("web").issuer(intermediate)
                .notBefore(now().minus(Duration.ofDays(1)))).serialNumber();
        String revoked = mount.issueLeaf(LeafSpec.commonName("b.example").issuer(intermediate)
                .notBefore(now().minus(Duration.ofDays(1)))).serialNumber();
        mount.revoke(revoked);

        Fixture f = refresher("content/");
        PkiSnapshot snapshot = f.refresh();

        assertThat(f.holder().current()).isSameAs(snapshot);
        assertThat(snapshot.vault().reachable()).isTrue();
        assertThat(snapshot.vault().authMethod()).isEqualTo("token");
        assertThat(snapshot.lastSuccess()).isPresent();
        EngineSnapshot engine = snapshot.engine("content/").orElseThrow();
        assertThat(engine.up()).isTrue();
        assertThat(engine.errors()).isEmpty();
        assertThat(engine.issuers()).hasSize(2);
        IssuerInfo rootInfo = engine.issuers().stream().filter(i -> i.id().equals(root.id())).findFirst().orElseThrow();
        assertThat(rootInfo.name()).isEqualTo("root");
        assertThat(rootInfo.commonName()).isEqualTo("Content Root");
        assertThat(rootInfo.keyType()).isEqualTo("rsa");
        assertThat(rootInfo.keyBits()).isEqualTo(2048);
        assertThat(rootInfo.selfSigned()).isTrue();
        assertThat(rootInfo.isDefault()).isTrue();
        assertThat(rootInfo.notAfter()).isEqualTo(root.notAfter());
        IssuerInfo intInfo = engine.issuers().stream().filter(i -> i.id().equals(intermediate.id())).findFirst()
                .orElseThrow();
        assertThat(intInfo.keyType()).isEqualTo("ec");
        assertThat(intInfo.keyBits()).isEqualTo(384);
        assertThat(intInfo.selfSigned()).isFalse();
        assertThat(intInfo.isDefault()).isFalse();
        assertThat(engine.crls()).extracting(CrlInfo::issuerId)
                .containsExactlyInAnyOrder(root.id(), intermediate.id());
        assertThat(engine.crls()).filteredOn(c -> c.issuerId().equals(intermediate.id()))
                .singleElement().satisfies(c -> assertThat(c.revoked()).isEqualTo(1));

        assertThat(engine.leavesCollected()).isTrue();
        assertThat(engine.leaves()).extracting(LeafCertificate::serial)
                .containsExactlyInAnyOrder(older, newer, revoked);
        assertThat(leaf(engine, older).superseded()).isTrue();
        assertThat(leaf(engine, newer).superseded()).isFalse();
        assertThat(leaf(engine, newer).ou()).isEqualTo("web");
        assertThat(leaf(engine, newer).issuerId()).isEqualTo(intermediate.id());
        assertThat(leaf(engine, revoked).revokedAt()).isPresent();
        assertThat(leaf(engine, newer).revokedAt()).isEmpty();
        assertThat(f.registry().get("vault.pki.vault.requests").tag("operation", "read_cert")
                .tag("outcome", "success").counter().count()).isGreaterThanOrEqualTo(3);
        assertThat(f.registry().get("vault.pki.refresh.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void aLeafRevokedAfterItWasReadIsMarkedRevokedFromTheCrlWithoutReadingItAgain() {
        PkiMount mount = emu.pki().enable("steady");
        var root = mount.generateRoot(IssuerSpec.named("steady-root"));
        String serial = mount.issueLeaf(LeafSpec.commonName("s.example").issuer(root)).serialNumber();
        mount.issueLeaves(20, LeafSpec.commonName("bulk-%d.example").issuer(root));
        Fixture f = refresher("steady/");
        f.refresh();

        mount.revoke(serial);
        emu.requests().clear();
        EngineSnapshot engine = f.refresh().engine("steady/").orElseThrow();

        assertThat(emu.requests().count("LIST", "steady/certs/?")).isEqualTo(1);
        assertThat(emu.requests().count("GET", "steady/cert/.*")).isZero();
        assertThat(engine.leaves()).hasSize(21);
        assertThat(leaf(engine, serial).revokedAt()).isPresent();
    }

    @Test
    void nestedMountsAreLabelledWithTheirFullPath() {
        PkiMount mount = emu.pki().enable("team/a/pki");
        mount.generateRoot(IssuerSpec.named("team-root"));

        PkiSnapshot snapshot = refresher("team/**").refresh();

        assertThat(snapshot.engines()).extracting(EngineSnapshot::engine).containsExactly("team/a/pki/");
        assertThat(snapshot.engines().get(0).mountPath()).isEqualTo("team/a/pki/");
        assertThat(snapshot.engines().get(0).issuers()).extracting(IssuerInfo::name).containsExactly("team-root");
    }

    @Test
    void aPre111MountWithoutTheIssuersApiIsReadThroughCertCaAsTheDefaultIssuer() {
        PkiMount mount = emu.pki().enable("legacy");
        var ca = mount.generateRoot(IssuerSpec.named("old-ca").commonName("Legacy CA"));
        Instant now = now();
        var leaf = mount.issueLeaf(LeafSpec.commonName("old.example.com").issuer(ca)
                .notBefore(now.minus(Duration.ofDays(1))).notAfter(now.plus(Duration.ofDays(9))));
        mount.legacy(true);

        EngineSnapshot engine = refresher("legacy/").refresh().engine("legacy/").orElseThrow();

        assertThat(engine.up()).isTrue();
        assertThat(engine.errors()).isEmpty();
        assertThat(engine.issuers()).singleElement().satisfies(issuer -> {
            assertThat(issuer.id()).isEqualTo("default");
            assertThat(issuer.commonName()).isEqualTo("Legacy CA");
            assertThat(issuer.isDefault()).isTrue();
            assertThat(issuer.notAfter()).isEqualTo(ca.notAfter());
        });
        assertThat(engine.crls()).singleElement().extracting(CrlInfo::issuerId).isEqualTo("default");
        assertThat(engine.leaves()).singleElement().satisfies(l -> {
            assertThat(l.serial()).isEqualTo(leaf.serialNumber());
            assertThat(l.issuerId()).isEqualTo("default");
        });
    }

    @Test
    void theFirstRefreshPublishesIssuersThenCrlsBeforeReadingLeavesAndLaterRefreshesPublishOnce() {
        PkiMount mount = emu.pki().enable("early");
        var root = mount.generateRoot(IssuerSpec.named("early-root"));
        mount.issueLeaves(5, LeafSpec.commonName("early-%d.example.com").issuer(root).validFor(Duration.ofDays(5)));
        List<PkiSnapshot> published = new ArrayList<>();
        SnapshotHolder holder = new SnapshotHolder(VaultSettings.builder().address(emu.url()).build()) {
            @Override
            public void replace(PkiSnapshot snapshot) {
                published.add(snapshot);
                super.replace(snapshot);
            }
        };
        Fixture f = refresher(client(null), holder, true, "early/");

        f.refresh();
        // issue 12: the issuers are published as soon as they are read, before the CRLs (first complete data fast)
        assertThat(published).hasSize(3);
        EngineSnapshot issuersOnly = published.get(0).engine("early/").orElseThrow();
        assertThat(issuersOnly.issuers()).extracting(IssuerInfo::name).containsExactly("early-root");
        assertThat(issuersOnly.up()).isTrue();
        assertThat(issuersOnly.crls()).isEmpty();
        assertThat(issuersOnly.leavesCollected()).isFalse();
        EngineSnapshot early = published.get(1).engine("early/").orElseThrow();
        assertThat(early.issuers()).extracting(IssuerInfo::name).containsExactly("early-root");
        assertThat(early.crls()).hasSize(1);
        assertThat(early.leavesCollected()).isFalse();
        assertThat(early.leaves()).isEmpty();
        EngineSnapshot full = published.get(2).engine("early/").orElseThrow();
        assertThat(full.leavesCollected()).isTrue();
        assertThat(full.leaves()).hasSize(5);

        f.refresh();
        assertThat(published).hasSize(4);
    }

    @Test
    void theIssuersOfOneEngineAreReadConcurrently() {
        PkiMount mount = emu.pki().enable("many");
        for (int i = 0; i < 8; i++) {
            mount.generateRoot(IssuerSpec.named("many-" + i));
        }
        Duration latency = Duration.ofMillis(300);
        emu.faults().latency("^many/issuer/[0-9a-f-]+$", latency);
        try {
            PkiSnapshot snapshot = refresher(client(null), new SnapshotHolder(VaultSettings.builder().address(emu.url()).build()),
                    false, "many/").refresh();

            assertThat(snapshot.engine("many/").orElseThrow().issuers()).hasSize(8);
            // read one after the other, the 8 delayed issuer reads alone would take 8 x 300 ms
            assertThat(snapshot.duration()).isGreaterThanOrEqualTo(latency)
                    .isLessThan(latency.multipliedBy(8).minusMillis(400));
        } finally {
            emu.faults().clear();
        }
    }

    @Test
    void anEngineInANamespaceIsLabelledWithTheNamespace() {
        SnapshotHolder holder = new SnapshotHolder(VaultSettings.builder().address(emu.url()).build());

        PkiSnapshot snapshot = refresher(client("ns1"), holder, true).refresh();

        assertThat(snapshot.engines()).extracting(EngineSnapshot::engine).containsExactly("ns1/pki/");
        EngineSnapshot engine = snapshot.engines().get(0);
        assertThat(engine.namespace()).isEqualTo("ns1/");
        assertThat(engine.mountPath()).isEqualTo("pki/");
        assertThat(engine.issuers()).extracting(IssuerInfo::name).containsExactly("ns-root");
    }

    @Test
    void configuredNamespacesAreReadWithTheClientsOwnTokenAndLabelled() {
        SnapshotHolder holder = new SnapshotHolder(VaultSettings.builder().address(emu.url()).build());

        PkiSnapshot snapshot = refresher(client(null), holder, true, List.of("", "/ns1/"), "pki/", "team/**")
                .refresh();

        assertThat(snapshot.vault().reachable()).isTrue();
        assertThat(snapshot.engines()).extracting(EngineSnapshot::engine).contains("ns1/pki/")
                .doesNotContain("pki/");
        EngineSnapshot engine = snapshot.engine("ns1/pki/").orElseThrow();
        assertThat(engine.up()).isTrue();
        assertThat(engine.namespace()).isEqualTo("ns1/");
        assertThat(engine.issuers()).extracting(IssuerInfo::name).containsExactly("ns-root");
    }

    @Test
    void aDeniedMountKeepsItsLastGoodDataAndDoesNotHideTheOthers() {
        emu.pki().enable("deny-ok").generateRoot(IssuerSpec.named("ok-root"));
        PkiMount bad = emu.pki().enable("deny-bad");
        bad.generateRoot(IssuerSpec.named("bad-root"));
        Fixture f = refresher("deny-*");
        EngineSnapshot good = f.refresh().engine("deny-bad/").orElseThrow();
        assertThat(good.up()).isTrue();
        // a new issuer must be read (an unchanged one is not read again since issue 12)
        bad.generateRoot(IssuerSpec.named("bad-new"));

        grant(MOUNTS.stream().filter(m -> !m.equals("deny-bad/")).toList());
        PkiSnapshot snapshot;
        try {
            snapshot = f.refresh();
        } finally {
            grant(MOUNTS);
        }

        assertThat(snapshot.vault().reachable()).isTrue();
        EngineSnapshot denied = snapshot.engine("deny-bad/").orElseThrow();
        assertThat(denied.up()).isFalse();
        // LIST issuers and the CRLs are unauthenticated in Vault: the issuer read and LIST certs are denied
        assertThat(denied.errors()).extracting(RefreshError::reason)
                .containsOnly(FailureReason.PERMISSION_DENIED).hasSize(2);
        assertThat(denied.issuers()).isEqualTo(good.issuers());
        assertThat(denied.crls()).isEqualTo(good.crls());
        assertThat(denied.lastSuccess()).isEqualTo(good.lastSuccess());
        assertThat(snapshot.engine("deny-ok/").orElseThrow().up()).isTrue();
        assertThat(f.registry().get("vault.pki.refresh.errors").tag("engine", "deny-bad/")
                .tag("reason", "permission_denied").counter().count()).isEqualTo(2);
    }

    @Test
    void aDeletedIssuerDisappearsAndANewIssuerAppearsAtTheNextRefresh() {
        PkiMount mount = emu.pki().enable("churn");
        var first = mount.generateRoot(IssuerSpec.named("first"));
        var second = mount.generateRoot(IssuerSpec.named("second"));
        Fixture f = refresher("churn/");
        assertThat(f.refresh().engine("churn/").orElseThrow().issuers()).extracting(IssuerInfo::id)
                .containsExactlyInAnyOrder(first.id(), second.id());

        mount.deleteIssuer(second.id());
        var third = mount.generateRoot(IssuerSpec.named("third"));
        EngineSnapshot engine = f.refresh().engine("churn/").orElseThrow();

        assertThat(engine.up()).isTrue();
        assertThat(engine.issuers()).extracting(IssuerInfo::id).containsExactlyInAnyOrder(first.id(), third.id());
        assertThat(engine.crls()).extracting(CrlInfo::issuerId).doesNotContain(second.id());
    }

    @Test
    void withLeavesOffNoCertificateIsListedOrRead() {
        PkiMount mount = emu.pki().enable("noleaves");
        var root = mount.generateRoot(IssuerSpec.named("nl-root"));
        mount.issueLeaf(LeafSpec.commonName("x.example").issuer(root));
        SnapshotHolder holder = new SnapshotHolder(VaultSettings.builder().address(emu.url()).build());
        emu.requests().clear();

        EngineSnapshot engine = refresher(client(null), holder, false, "noleaves/").refresh()
                .engine("noleaves/").orElseThrow();

        assertThat(engine.leavesCollected()).isFalse();
        assertThat(engine.leaves()).isEmpty();
        assertThat(engine.issuers()).hasSize(1);
        assertThat(emu.requests().count("LIST", "noleaves/certs/?")).isZero();
    }

    @Test
    void aFailingMountListingKeepsEveryEngineMarkedNotUp() {
        emu.pki().enable("listfail").generateRoot(IssuerSpec.named("s-root"));
        Fixture f = refresher("listfail/");
        PkiSnapshot good = f.refresh();

        emu.faults().failNext("sys/mounts", 5, 500, "internal error");
        PkiSnapshot snapshot = f.refresh();
        emu.faults().clear();

        assertThat(snapshot.vault().reachable()).isFalse();
        assertThat(snapshot.vault().error()).hasValueSatisfying(
                e -> assertThat(e.reason()).isEqualTo(FailureReason.SERVER_ERROR));
        assertThat(snapshot.lastSuccess()).isEqualTo(good.lastSuccess());
        EngineSnapshot engine = snapshot.engine("listfail/").orElseThrow();
        assertThat(engine.up()).isFalse();
        assertThat(engine.issuers()).isEqualTo(good.engine("listfail/").orElseThrow().issuers());
        assertThat(f.refresh().vault().reachable()).isTrue();
    }

    @Test
    void aSealedVaultKeepsEveryEngineAndSaysItIsSealed() {
        emu.pki().enable("seal").generateRoot(IssuerSpec.named("s2"));
        Fixture f = refresher("seal/");
        f.refresh();

        emu.faults().seal();
        PkiSnapshot snapshot;
        try {
            snapshot = f.refresh();
        } finally {
            emu.faults().unseal();
        }

        assertThat(snapshot.vault().reachable()).isFalse();
        assertThat(snapshot.vault().sealed()).contains(true);
        assertThat(snapshot.vault().error()).hasValueSatisfying(
                e -> assertThat(e.reason()).isEqualTo(FailureReason.SEALED));
        assertThat(snapshot.engine("seal/").orElseThrow().up()).isFalse();
        assertThat(snapshot.engine("seal/").orElseThrow().issuers()).isNotEmpty();
    }

    @Test
    void anUnreachableVaultKeepsEverythingAndMarksItStale() {
        emu.pki().enable("down").generateRoot(IssuerSpec.named("down-root"));
        Fixture reachable = refresher("down/");
        PkiSnapshot good = reachable.refresh();
        VaultSettings dead = VaultSettings.builder().address("http://127.0.0.1:1").build();
        VaultClient deadClient = VaultClient.create(dead, new TokenAuthentication(VaultToken.of(token)));
        clients.add(deadClient);

        PkiSnapshot snapshot = refresher(deadClient, reachable.holder(), true, "down/").refresh();

        assertThat(snapshot.vault().reachable()).isFalse();
        assertThat(snapshot.vault().error()).hasValueSatisfying(
                e -> assertThat(e.reason()).isEqualTo(FailureReason.UNREACHABLE));
        assertThat(snapshot.lastSuccess()).isEqualTo(good.lastSuccess());
        assertThat(snapshot.engines()).extracting(EngineSnapshot::engine).containsExactly("down/");
        assertThat(snapshot.engines().get(0).up()).isFalse();
        assertThat(snapshot.engines().get(0).issuers()).isEqualTo(good.engines().get(0).issuers());
    }

    @Test
    void excludedMountsAreNotRead() {
        emu.pki().enable("excl");
        emu.requests().clear();

        PkiSnapshot snapshot = refresher("team/**").refresh();

        assertThat(snapshot.engines()).extracting(EngineSnapshot::engine).doesNotContain("excl/");
        assertThat(emu.requests().count("LIST", "excl/.*")).isZero();
    }

    @Test
    void aVaultFoundSealedByARequestStopsTheRefreshAtOnceAndNoOtherMountIsAsked() {
        for (String name : List.of("stop-a", "stop-b", "stop-c")) {
            emu.pki().enable(name).generateRoot(IssuerSpec.named(name + "-root"));
        }
        // one engine at a time, in mount order, so "the other mounts" are the ones after stop-a/
        Fixture f = refresher(client(null), new TokenAuthentication(VaultToken.of(token)), holder(), true, List.of(),
                null, 1, "stop-*");
        PkiSnapshot good = f.refresh();
        assertThat(good.engines()).allSatisfy(e -> assertThat(e.up()).isTrue());

        // sys/health still says unsealed; the seal shows on the first read of stop-a/
        emu.faults().failNext("^stop-a/", 1_000, 503, "Vault is sealed");
        emu.requests().clear();
        PkiSnapshot snapshot;
        try {
            snapshot = f.refresh();
        } finally {
            emu.faults().clear();
        }

        assertThat(emu.requests().all()).filteredOn(r -> r.path().startsWith("stop-b/") || r.path().startsWith("stop-c/"))
                .as("requests to the other mounts").isEmpty();
        assertThat(snapshot.vault().reachable()).isFalse();
        assertThat(snapshot.vault().sealed()).as("what the request said, newer than sys/health").contains(true);
        assertThat(snapshot.vault().error()).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.SEALED);
            assertThat(e.engine()).isEmpty();
            assertThat(e.path()).startsWith("stop-a/");
        });
        assertThat(snapshot.engines()).extracting(EngineSnapshot::engine)
                .containsExactly("stop-a/", "stop-b/", "stop-c/");
        assertThat(snapshot.engines()).allSatisfy(e -> {
            assertThat(e.up()).isFalse();
            assertThat(e.issuers()).as("last good data kept").hasSize(1);
        });
        assertThat(f.registry().get("vault.pki.refresh.errors").tag("engine", "").tag("reason", "sealed").counter()
                .count()).as("counted once, monitor-wide").isEqualTo(1);
        assertThat(f.registry().find("vault.pki.refresh.errors").tag("engine", "stop-a/").counter()).isNull();
    }

    @Test
    void aPkiMountPathNamingNoMountIsAnEngineThatIsNotUpWithReasonNotFound() {
        emu.requests().clear();
        Fixture f = withPkiMountPath("no-such-mount");

        PkiSnapshot snapshot = f.refresh();

        assertThat(snapshot.vault().reachable()).isTrue();
        assertThat(snapshot.engines()).singleElement().satisfies(engine -> {
            assertThat(engine.engine()).isEqualTo("no-such-mount/");
            assertThat(engine.up()).isFalse();
            assertThat(engine.issuers()).isEmpty();
            assertThat(engine.lastSuccess()).isEmpty();
            assertThat(engine.errors()).singleElement().satisfies(e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
                assertThat(e.path()).isEqualTo("no-such-mount/");
                assertThat(e.message()).contains("PKI_MOUNT_PATH").contains("no-such-mount/");
            });
        });
        assertThat(f.registry().get("vault.pki.refresh.errors").tag("engine", "no-such-mount/")
                .tag("reason", "not_found").counter().count()).isPositive();
        assertThat(emu.requests().all()).noneMatch(r -> r.path().startsWith("no-such-mount"));
    }

    @Test
    void aPkiMountPathNamingAKvMountIsNotFoundTooNotAGreenEngineWithoutIssuers() {
        // the emulator, like a dev server, has a KV v2 engine at secret/
        PkiSnapshot snapshot = withPkiMountPath("secret").refresh();

        assertThat(snapshot.engines()).singleElement().satisfies(engine -> {
            assertThat(engine.engine()).isEqualTo("secret/");
            assertThat(engine.up()).isFalse();
            assertThat(engine.errors()).extracting(RefreshError::reason).containsExactly(FailureReason.NOT_FOUND);
            assertThat(engine.errors().get(0).message()).contains("kv");
        });
    }

    @Test
    void aPkiMountPathNamingAPkiMountReadsOnlyThatMount() {
        emu.pki().enable("summary").generateRoot(IssuerSpec.named("summary-root"));

        PkiSnapshot snapshot = withPkiMountPath("summary/").refresh();

        assertThat(snapshot.engines()).singleElement().satisfies(engine -> {
            assertThat(engine.engine()).isEqualTo("summary/");
            assertThat(engine.up()).isTrue();
        });
    }

    @Test
    void theFirstRefreshLogsOneInfoLineWithTheMountsIssuersCrlsAndLeavesItFound() {
        PkiMount mount = emu.pki().enable("auto");
        var root = mount.generateRoot(IssuerSpec.named("auto-root"));
        mount.issueLeaves(3, LeafSpec.commonName("auto-%d.example.com").issuer(root));
        Fixture f = refresher("auto/");
        try (CapturedLog log = new CapturedLog()) {
            f.refresh();
            f.refresh();

            assertThat(log.lines()).filteredOn(l -> l.contains("First refresh")).singleElement().satisfies(line -> {
                assertThat(line).startsWith(PkiRefresher.class.getName() + ": ");
                assertThat(line).contains("1 PKI mount, 1 issuer, 1 CRL, 3 leaf certificates");
            });
        }
    }

    @Test
    void theAuthMethodIsTheOneAutoChoseOnceItLoggedIn(@TempDir Path home) {
        VaultAuthentication auto = new AutoAuthentication(Map.of("VAULT_TOKEN", token), home,
                home.resolve("no-service-account-token"));
        VaultClient client = VaultClient.create(VaultSettings.builder().address(emu.url()).build(), auto);
        clients.add(client);
        Fixture f = refresher(client, auto, holder(), false, List.of(), null, 4, "auto/");
        assertThat(auto.method()).as("before the first login").isEqualTo("auto");

        PkiSnapshot snapshot = f.refresh();

        assertThat(snapshot.vault().reachable()).isTrue();
        assertThat(snapshot.vault().authMethod()).isEqualTo("token");
    }

    private static LeafCertificate leaf(EngineSnapshot engine, String serial) {
        return engine.leaves().stream().filter(l -> l.serial().equals(serial)).findFirst().orElseThrow();
    }
}

package io.vaultpki.monitor.refresh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.AutoTidyConfig;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, running the PKI health checks from the refresh against the emulator over real HTTP: on the first
 * refresh and then every n-th, after the expiry snapshot is published, results carried by every snapshot, each
 * refused or missing endpoint a result of its own check only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthCheckRunsTest {

    private VaultEmulator emu;
    private final List<VaultClient> clients = new ArrayList<>();

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().enterpriseNamespaces(true).start();
    }

    @AfterAll
    void stop() {
        clients.forEach(VaultClient::close);
        emu.close();
    }

    record Fixture(PkiRefresher refresher, SnapshotHolder holder, MeterRegistry registry) {
        PkiSnapshot refresh() {
            return refresher.refresh();
        }
    }

    static HealthCheckConfig every(int n) {
        HealthCheckConfig d = HealthCheckConfig.defaults();
        return new HealthCheckConfig(true, n, d.checks(), d.counted());
    }

    private Fixture fixture(VaultEmulator vault, String token, HealthCheckConfig checks, boolean leaves,
                            List<String> namespaces, String... include) {
        VaultSettings settings = VaultSettings.builder().address(vault.url()).allowRootToken(true).build();
        RefreshConfiguration configuration = new RefreshConfiguration(Duration.ofSeconds(60), 4, null, Duration.ZERO);
        RequestLimiter limiter = new RequestLimiter(configuration);
        TokenAuthentication auth = new TokenAuthentication(VaultToken.of(token));
        VaultClient client = VaultClient.builder().settings(settings).authentication(auth).listener(limiter).build();
        clients.add(client);
        SnapshotHolder holder = new SnapshotHolder(settings);
        MeterRegistry registry = new SimpleMeterRegistry();
        PkiRefresher refresher = new PkiRefresher(client, auth, holder, new MountSelection(new MountsConfiguration(
                null, List.of(include), List.of(), namespaces)), configuration, new LeavesConfiguration(leaves),
                new RefreshMetrics(registry), limiter, checks);
        return new Fixture(refresher, holder, registry);
    }

    private Fixture fixture(HealthCheckConfig checks, String... include) {
        return fixture(emu, emu.rootToken(), checks, true, List.of(), include);
    }

    /** A mount with a root, an intermediate, a few leaves and one role: every check has something to grade. */
    private PkiMount mount(VaultEmulator vault, String path) {
        PkiMount mount = vault.pki().enable(path);
        var root = mount.generateRoot(IssuerSpec.named(path.replace("/", "-") + "root"));
        mount.generateIntermediate(IssuerSpec.named(path.replace("/", "-") + "int"), root);
        mount.issueLeaves(3, LeafSpec.commonName("host-%d.example.com"));
        mount.role(RoleSpec.named("web").allowedDomains("example.com").allowLocalhost(false).maxTtl(Duration.ofDays(1)));
        return mount;
    }

    private static EngineHealth health(PkiSnapshot snapshot, String engine) {
        return snapshot.engine(engine).orElseThrow().health().orElseThrow();
    }

    private static Map<String, Set<CheckStatus>> byCheck(EngineHealth health) {
        return health.results().stream().collect(Collectors.groupingBy(CheckResult::check,
                Collectors.mapping(CheckResult::status, Collectors.toSet())));
    }

    @Test
    void checksRunOnTheFirstRefreshThenEveryNthAndEverySnapshotInBetweenCarriesTheLatestRun() {
        mount(emu, "hc-every");
        Fixture f = fixture(every(3), "hc-every/");
        emu.requests().clear();

        EngineHealth first = health(f.refresh(), "hc-every/");
        assertThat(emu.requests().count("LIST", "hc-every/roles")).as("checked on the first refresh").isEqualTo(1);
        EngineHealth second = health(f.refresh(), "hc-every/");
        EngineHealth third = health(f.refresh(), "hc-every/");
        assertThat(emu.requests().count("LIST", "hc-every/roles")).as("not on the 2nd and 3rd").isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(health(f.holder().current(), "hc-every/")).isEqualTo(first);

        EngineHealth fourth = health(f.refresh(), "hc-every/");
        assertThat(emu.requests().count("LIST", "hc-every/roles")).as("again on the 4th").isEqualTo(2);
        assertThat(fourth.checkedAt()).isAfter(first.checkedAt());
        assertThat(byCheck(fourth)).containsKeys("ca_validity_period", "crl_validity_period", "root_issued_leaves",
                "role_allows_localhost", "audit_visibility", "enable_auto_tidy", "tidy_last_run", "too_many_certs",
                "enable_acme_issuance", "issuance_at_risk").doesNotContainKey("hardware_backed_root");
    }

    @Test
    void aCriticalAndAWarningReachTheSnapshot() {
        PkiMount mount = mount(emu, "hc-bad");
        mount.role(RoleSpec.named("loose").allowedDomains("example.com").allowLocalhost(true));
        mount.autoTidy(AutoTidyConfig.defaults().withEnabled(true, Duration.ofDays(8)));

        Map<String, Set<CheckStatus>> checks = byCheck(health(fixture(every(10), "hc-bad/").refresh(), "hc-bad/"));

        assertThat(checks.get("role_allows_localhost")).contains(CheckStatus.WARNING);
        assertThat(checks.get("enable_auto_tidy")).containsExactly(CheckStatus.CRITICAL);
        assertThat(checks.get("tidy_last_run")).as("never tidied").containsExactly(CheckStatus.CRITICAL);
        assertThat(checks.get("too_many_certs")).containsExactly(CheckStatus.OK);
    }

    @Test
    void aTokenWithoutSomeReadPathsGetsInsufficientPermissionsOnlyForTheChecksThatNeedThem() {
        mount(emu, "hc-deny");
        emu.policies().put("hc-deny", Policy.builder().path("sys/mounts", "read")
                .path("hc-deny/issuer/+", "read").path("hc-deny/certs", "list").path("hc-deny/certs/revoked", "list")
                .path("hc-deny/roles", "list").path("hc-deny/roles/+", "read").path("hc-deny/config/crl", "read")
                .path("hc-deny/config/acme", "read").build()); // no config/auto-tidy, tidy-status, tune
        String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "hc-deny"));

        PkiSnapshot snapshot = fixture(emu, token, every(10), true, List.of(), "hc-deny/").refresh();

        assertThat(snapshot.engine("hc-deny/").orElseThrow().up()).as("a refused check read is no refresh error")
                .isTrue();
        Map<String, Set<CheckStatus>> checks = byCheck(health(snapshot, "hc-deny/"));
        assertThat(checks.entrySet().stream().filter(e -> e.getValue().contains(CheckStatus.INSUFFICIENT_PERMISSIONS))
                .map(Map.Entry::getKey)).containsExactlyInAnyOrder("enable_auto_tidy", "tidy_last_run",
                "audit_visibility", "allow_if_modified_since");
        assertThat(checks.get("role_allows_localhost")).containsExactly(CheckStatus.OK);
        assertThat(checks.get("ca_validity_period")).doesNotContain(CheckStatus.NOT_APPLICABLE);
        assertThat(health(snapshot, "hc-deny/").tidy()).isEmpty();
    }

    @Test
    void anOldVaultGivesInvalidVersionWhereItLacksTheEndpoint() {
        try (VaultEmulator old = VaultEmulator.builder().version("1.11.3").start()) {
            mount(old, "pki");
            PkiSnapshot snapshot = fixture(old, old.rootToken(), every(10), true, List.of(), "pki/").refresh();

            Map<String, Set<CheckStatus>> checks = byCheck(health(snapshot, "pki/"));
            assertThat(checks.get("enable_auto_tidy")).containsExactly(CheckStatus.INVALID_VERSION); // 1.12
            assertThat(checks.get("enable_acme_issuance")).containsExactly(CheckStatus.INVALID_VERSION); // 1.14
            assertThat(checks.get("allow_acme_headers")).containsExactly(CheckStatus.INVALID_VERSION);
            assertThat(checks.get("crl_validity_period")).contains(CheckStatus.INVALID_VERSION, CheckStatus.OK);
            assertThat(checks.get("tidy_last_run")).doesNotContain(CheckStatus.INVALID_VERSION); // 1.10
            assertThat(old.requests().count("GET", "pki/issuer/[^/]+/crl/delta")).as("one answer tells it")
                    .isEqualTo(1);
        }
    }

    @Test
    void disabledChecksReadNothingAndLeaveHealthEmpty() {
        mount(emu, "hc-off");
        HealthCheckConfig d = HealthCheckConfig.defaults();
        Fixture f = fixture(new HealthCheckConfig(false, 1, d.checks(), d.counted()), "hc-off/");
        emu.requests().clear();

        PkiSnapshot snapshot = f.refresh();

        assertThat(snapshot.engine("hc-off/").orElseThrow().health()).isEmpty();
        assertThat(emu.requests().all()).noneMatch(e -> e.path().matches(
                "hc-off/(roles.*|config/.*|tidy-status|key/.*|issuer/.*/crl/delta)|sys/mounts/hc-off/tune"));
    }

    @Test
    void theExpirySnapshotIsPublishedBeforeTheCheckReads() throws Exception {
        mount(emu, "hc-slow");
        Fixture f = fixture(every(10), "hc-slow/");
        emu.faults().latency("^hc-slow/tidy-status$", Duration.ofSeconds(2));
        try {
            CompletableFuture<PkiSnapshot> refresh = CompletableFuture.supplyAsync(f::refresh);
            Await.until("the expiry snapshot is published", Duration.ofSeconds(10),
                    () -> f.holder().current().engine("hc-slow/").filter(e -> !e.issuers().isEmpty()).isPresent());
            EngineSnapshot early = f.holder().current().engine("hc-slow/").orElseThrow();
            assertThat(refresh).as("the checks are still reading").isNotDone();
            assertThat(early.health()).isEmpty();
            assertThat(early.up()).isTrue();
            assertThat(refresh.get().engine("hc-slow/").orElseThrow().health()).isPresent();
            assertThat(f.holder().current().engine("hc-slow/").orElseThrow().health()).isPresent();
        } finally {
            emu.faults().latency("^hc-slow/tidy-status$", Duration.ZERO);
        }
    }

    @Test
    void aVaultSealedDuringTheChecksStopsThemAndTheyRunAtTheNextRefresh() throws Exception {
        mount(emu, "hc-seal");
        Fixture f = fixture(every(10), "hc-seal/");
        emu.faults().latency("^hc-seal/config/auto-tidy$", Duration.ofMillis(800));
        PkiSnapshot stopped;
        try {
            CompletableFuture<PkiSnapshot> refresh = CompletableFuture.supplyAsync(f::refresh);
            Await.until("the expiry snapshot is published", Duration.ofSeconds(10),
                    () -> f.holder().current().engine("hc-seal/").filter(e -> !e.issuers().isEmpty()).isPresent());
            emu.faults().seal(); // while the checks wait for config/auto-tidy
            stopped = refresh.get();
        } finally {
            emu.faults().unseal();
            emu.faults().latency("^hc-seal/config/auto-tidy$", Duration.ZERO);
        }
        long readsAfterTheSeal = emu.requests().count("GET", "hc-seal/tidy-status");

        assertThat(stopped.vault().reachable()).isFalse();
        assertThat(stopped.vault().sealed()).contains(true);
        assertThat(stopped.engine("hc-seal/").orElseThrow().health()).as("no half run").isEmpty();
        assertThat(readsAfterTheSeal).as("no check read after the sealed answer").isZero();
        PkiSnapshot next = f.refresh();
        assertThat(next.vault().reachable()).isTrue();
        assertThat(byCheck(health(next, "hc-seal/"))).containsKey("enable_auto_tidy");
    }

    @Test
    void aRoleDeletedBetweenItsListingAndItsReadIsLeftOut() {
        PkiMount mount = mount(emu, "hc-gone");
        mount.role(RoleSpec.named("gone").allowedDomains("example.com").allowLocalhost(true));
        emu.faults().failNext("^hc-gone/roles/gone$", 1, 404);

        EngineHealth health = health(fixture(every(10), "hc-gone/").refresh(), "hc-gone/");

        assertThat(health.results()).filteredOn(r -> r.check().equals("role_allows_localhost"))
                .extracting(CheckResult::status).containsExactly(CheckStatus.OK);
        assertThat(health.results()).noneMatch(r -> r.object().filter("gone"::equals).isPresent());
    }

    @Test
    void anEngineInANamespaceIsCheckedThroughItsNamespace() {
        emu.namespaces().create("hcns");
        PkiMount mount = emu.pki().enable("hcns", "pki");
        mount.generateRoot(IssuerSpec.named("ns-root"));
        mount.autoTidy(AutoTidyConfig.defaults().withEnabled(true, Duration.ofHours(12)));

        PkiSnapshot snapshot = fixture(emu, emu.rootToken(), every(10), true, List.of("hcns"), "pki/").refresh();

        EngineHealth health = health(snapshot, "hcns/pki/");
        assertThat(byCheck(health).get("enable_auto_tidy")).containsExactly(CheckStatus.OK);
        assertThat(byCheck(health).get("audit_visibility")).doesNotContain(CheckStatus.INSUFFICIENT_PERMISSIONS,
                CheckStatus.NOT_APPLICABLE);
        assertThat(health.results()).allSatisfy(r -> assertThat(r.endpoint()).contains("hcns/pki"));
    }

    @Test
    void aRunCostsTheseRequestsPerEngineCountedPerOperation() {
        mount(emu, "hc-cost");
        Fixture f = fixture(every(10), "hc-cost/");
        String checkReads = "hc-cost/(roles|roles/.+|config/.+|tidy-status|key/.+|issuer/[^/]+/crl/delta)"
                + "|sys/mounts/hc-cost/tune";
        emu.requests().clear();
        f.refresh();
        long run = emu.requests().all().stream().filter(e -> e.path().matches(checkReads)).count();
        emu.requests().clear();
        f.refresh();
        long notDue = emu.requests().all().stream().filter(e -> e.path().matches(checkReads)).count();

        // 2 delta CRLs, config/crl, LIST roles, 1 role, tune, config/auto-tidy, tidy-status, config/acme; the
        // issuers, CRLs and stored certificates come from the refresh, config/cluster only with ACME on
        assertThat(run).isEqualTo(9);
        assertThat(notDue).isZero();
        for (String operation : List.of("read_delta_crl", "read_crl_config", "list_roles", "read_role",
                "read_mount_tune", "read_auto_tidy", "read_tidy_status", "read_acme_config")) {
            Counter counter = f.registry().find("vault.pki.vault.requests").tag("operation", operation)
                    .tag("outcome", "success").counter();
            assertThat(counter).as(operation).isNotNull();
        }
    }

    @Test
    void hostileRoleNamesFromVaultAreNeverUsedAsPathsAndTheOtherRolesAreStillJudged() {
        mount(emu, "hc-evil").role(RoleSpec.named("loose").allowedDomains("example.com").allowLocalhost(true));
        emu.faults().replaceBody("^hc-evil/roles$",
                "{\"data\":{\"keys\":[\"loose\",\"../../sys/seal\",\"a/b\",\"..\",\"\"]}}");
        try {
            EngineHealth health = health(fixture(every(10), "hc-evil/").refresh(), "hc-evil/");

            assertThat(health.results()).filteredOn(r -> r.check().equals("role_allows_localhost")
                    && r.object().filter("loose"::equals).isPresent()).extracting(CheckResult::status)
                    .containsExactly(CheckStatus.WARNING);
            assertThat(health.results()).filteredOn(r -> r.check().equals("role_allows_localhost")
                    && r.object().filter("loose"::equals).isEmpty()).extracting(CheckResult::status)
                    .isNotEmpty().containsOnly(CheckStatus.NOT_APPLICABLE);
            assertThat(emu.requests().all()).noneMatch(e -> e.path().startsWith("sys/seal")
                    || e.path().matches("hc-evil/roles/.*(/|\\.\\.).*"));
        } finally {
            emu.faults().clear();
        }
    }

    @Test
    void aRoleWhoseFieldsAreHostileIsReportedAndTheRunCompletes() {
        mount(emu, "hc-junk").role(RoleSpec.named("loose").allowedDomains("example.com").allowLocalhost(true));
        emu.faults().replaceBody("^hc-junk/roles/web$",
                "{\"data\":{\"allowed_domains\":[null,5],\"max_ttl\":\"forever\",\"allow_localhost\":\"yes\"}}");
        try {
            EngineHealth health = health(fixture(every(10), "hc-junk/").refresh(), "hc-junk/");

            assertThat(health.results()).filteredOn(r -> r.check().equals("role_allows_localhost"))
                    .extracting(CheckResult::status).contains(CheckStatus.WARNING);
            assertThat(byCheck(health)).containsKeys("enable_auto_tidy", "issuance_at_risk", "ca_validity_period");
        } finally {
            emu.faults().clear();
        }
    }

    @Test
    void issuersSharingKeyAndSubjectShareOneDeltaCrlRead() {
        PkiMount mount = emu.pki().enable("hc-rot");
        var root = mount.generateRoot(IssuerSpec.named("old-root"));
        mount.rotateRoot(root, IssuerSpec.named("new-root"));
        mount.generateIntermediate(IssuerSpec.named("int"), root);
        emu.requests().clear();

        EngineHealth health = health(fixture(every(10), "hc-rot/").refresh(), "hc-rot/");

        assertThat(emu.requests().count("GET", "hc-rot/issuer/[^/]+/crl/delta")).isEqualTo(2);
        assertThat(health.results()).filteredOn(r -> r.check().equals("crl_validity_period")
                && r.endpoint().endsWith("/crl/delta")).hasSize(3);
    }
}

package io.vaultpki.monitor.refresh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.emulator.RequestLog;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.LeafSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.monitor.mounts.MountSelection;
import io.vaultpki.monitor.mounts.MountsConfiguration;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 #2, request economy: one refresh reads no object twice, and a steady-state refresh reads only what may
 * have changed: an issuer only when its {@code LIST issuers} entry changed, a CRL only when Vault says it changed
 * ({@code If-Modified-Since} where the mount passes it through) or, elsewhere, when the revoked serials changed;
 * issuers sharing key and subject share one CRL read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshEconomyTest {

    private VaultEmulator emu;
    private final List<VaultClient> clients = new ArrayList<>();

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().start();
    }

    @AfterAll
    void stop() {
        clients.forEach(VaultClient::close);
        emu.close();
    }

    private PkiRefresher refresher(String include) {
        VaultSettings settings = VaultSettings.builder().address(emu.url()).allowRootToken(true).build();
        RefreshConfiguration configuration = new RefreshConfiguration(Duration.ofSeconds(60), 8, null, Duration.ZERO);
        RequestLimiter limiter = new RequestLimiter(configuration);
        TokenAuthentication auth = new TokenAuthentication(VaultToken.of(emu.rootToken()));
        VaultClient client = VaultClient.builder().settings(settings).authentication(auth).listener(limiter).build();
        clients.add(client);
        return new PkiRefresher(client, auth, new SnapshotHolder(settings),
                new MountSelection(new MountsConfiguration(null, List.of(include), List.of(), List.of())),
                configuration, new LeavesConfiguration(true), new RefreshMetrics(new SimpleMeterRegistry()), limiter);
    }

    private PkiMount mountWithIssuers(String path, int issuers, boolean passIfModifiedSince) {
        PkiMount mount = emu.pki().enable(path);
        Issuer root = mount.generateRoot(IssuerSpec.named(path + "-root"));
        for (int i = 1; i < issuers; i++) {
            mount.generateIntermediate(IssuerSpec.named(path + "-int-" + i), root);
        }
        if (passIfModifiedSince) {
            emu.mounts().tune("", path, List.of("If-Modified-Since"), List.of());
        }
        return mount;
    }

    private long count(String method, String pathRegex) {
        return emu.requests().count(method, pathRegex);
    }

    @Test
    void theFirstRefreshReadsNoObjectTwiceWhilePublishingEarly() {
        PkiMount mount = mountWithIssuers("once", 4, true);
        mount.issueLeaves(10, LeafSpec.commonName("once-%d.example.com").issuer(mount.issuers().get(1)));
        emu.requests().clear();

        refresher("once/").refresh();

        Map<String, Long> asked = emu.requests().all().stream().collect(Collectors.groupingBy(
                (RequestLog.Entry e) -> e.method() + " " + e.path(), Collectors.counting()));
        assertThat(asked).as("requests per object").allSatisfy((object, n) -> assertThat(n).as(object).isEqualTo(1));
        assertThat(count("GET", "once/issuer/[^/]+")).isEqualTo(4);
        assertThat(count("GET", "once/issuer/[^/]+/crl")).isEqualTo(4);
        assertThat(count("GET", "once/cert/.+")).isEqualTo(11); // the root is stored under certs/ too
    }

    @Test
    void aSteadyStateRefreshOfAMountPassingIfModifiedSinceAsksOneCrlAndReadsNoIssuer() {
        mountWithIssuers("tuned", 5, true);
        PkiRefresher refresher = refresher("tuned/");
        EngineSnapshot first = refresher.refresh().engine("tuned/").orElseThrow();

        // Vault's Date has whole seconds: until a second has passed, the CRLs built with the mount count as new
        EngineSnapshot[] steady = new EngineSnapshot[1];
        Await.until("a refresh answered 304", Duration.ofSeconds(10), () -> {
            emu.requests().clear();
            steady[0] = refresher.refresh().engine("tuned/").orElseThrow();
            return emu.requests().all().stream().anyMatch(e -> e.status() == 304);
        });

        assertThat(count("LIST", "tuned/issuers")).isEqualTo(1);
        assertThat(count("GET", "tuned/issuer/[^/]+")).isZero();
        assertThat(count("GET", "tuned/issuer/[^/]+/crl")).isEqualTo(1);
        assertThat(count("LIST", "tuned/certs/revoked")).isZero();
        assertThat(count("LIST", "tuned/certs")).isEqualTo(1);
        assertThat(steady[0].up()).isTrue();
        assertThat(steady[0].issuers()).isEqualTo(first.issuers());
        assertThat(steady[0].crls()).isEqualTo(first.crls());
    }

    @Test
    void aRevocationOnATunedMountIsSeenAtTheNextRefresh() {
        PkiMount mount = mountWithIssuers("tuned-rev", 3, true);
        String serial = mount.issueLeaf(LeafSpec.commonName("r.example").issuer(mount.issuers().get(2)))
                .serialNumber();
        PkiRefresher refresher = refresher("tuned-rev/");
        refresher.refresh();

        mount.revoke(serial);
        emu.requests().clear();
        EngineSnapshot engine = refresher.refresh().engine("tuned-rev/").orElseThrow();

        assertThat(count("GET", "tuned-rev/issuer/[^/]+/crl")).as("the changed answer and the other two CRLs")
                .isEqualTo(3);
        assertThat(count("GET", "tuned-rev/cert/.+")).isZero();
        assertThat(engine.leaves()).filteredOn(l -> l.serial().equals(serial)).singleElement()
                .satisfies(l -> assertThat(l.revokedAt()).isPresent());
        assertThat(engine.crls()).filteredOn(c -> c.issuerId().equals(mount.issuers().get(2).id())).singleElement()
                .satisfies(c -> assertThat(c.revoked()).isEqualTo(1));
    }

    @Test
    void withoutTheTuneTheRevokedSerialsAreListedAndTheCrlsReadOnlyWhenTheyChanged() {
        PkiMount mount = mountWithIssuers("untuned", 3, false);
        String serial = mount.issueLeaf(LeafSpec.commonName("u.example").issuer(mount.issuers().get(1)))
                .serialNumber();
        PkiRefresher refresher = refresher("untuned/");
        refresher.refresh();

        emu.requests().clear();
        refresher.refresh();
        assertThat(count("LIST", "untuned/certs/revoked")).isEqualTo(1);
        assertThat(count("GET", "untuned/issuer/[^/]+/crl")).isZero();
        assertThat(count("GET", "untuned/issuer/[^/]+")).isZero();

        mount.revoke(serial);
        emu.requests().clear();
        EngineSnapshot engine = refresher.refresh().engine("untuned/").orElseThrow();
        assertThat(count("GET", "untuned/issuer/[^/]+/crl")).isEqualTo(3);
        assertThat(engine.leaves()).filteredOn(l -> l.serial().equals(serial)).singleElement()
                .satisfies(l -> assertThat(l.revokedAt()).isPresent());
    }

    @Test
    void issuersSharingKeyAndSubjectShareOneCrlRead() {
        PkiMount mount = emu.pki().enable("rotated");
        Issuer old = mount.generateRoot(IssuerSpec.named("old").commonName("Rotated Root"));
        Issuer rotated = mount.rotateRoot(old, IssuerSpec.named("new"));
        mount.generateRoot(IssuerSpec.named("other").commonName("Other Root"));
        emu.requests().clear();

        EngineSnapshot engine = refresher("rotated/").refresh().engine("rotated/").orElseThrow();

        assertThat(count("GET", "rotated/issuer/[^/]+/crl")).isEqualTo(2);
        assertThat(engine.crls()).extracting(CrlInfo::issuerId).hasSize(3).contains(old.id(), rotated.id());
        Map<String, CrlInfo> byIssuer = engine.crls().stream()
                .collect(Collectors.toMap(CrlInfo::issuerId, Function.identity()));
        CrlInfo shared = byIssuer.get(old.id());
        assertThat(byIssuer.get(rotated.id())).satisfies(c -> {
            assertThat(c.thisUpdate()).isEqualTo(shared.thisUpdate());
            assertThat(c.number()).isEqualTo(shared.number());
        });
    }

    @Test
    void anIssuerWhoseListEntryChangedIsReadAgainAndOnlyThatOne() {
        PkiMount mount = mountWithIssuers("changed", 3, true);
        PkiRefresher refresher = refresher("changed/");
        refresher.refresh();
        Issuer oldDefault = mount.defaultIssuer().orElseThrow();
        Issuer newDefault = mount.issuers().get(2);

        mount.setDefault(newDefault.id());
        emu.requests().clear();
        EngineSnapshot engine = refresher.refresh().engine("changed/").orElseThrow();

        assertThat(emu.requests().all()).filteredOn(e -> e.path().matches("changed/issuer/[^/]+"))
                .extracting(RequestLog.Entry::path)
                .containsExactlyInAnyOrder("changed/issuer/" + oldDefault.id(), "changed/issuer/" + newDefault.id());
        assertThat(engine.issuers()).filteredOn(IssuerInfo::isDefault).extracting(IssuerInfo::id)
                .containsExactly(newDefault.id());
    }
}

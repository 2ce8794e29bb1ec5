package io.vaultpki.exporter.export;

import io.vaultpki.exporter.DirectorySnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.client.VaultException;
import io.vaultpki.emulator.pki.Issuer;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditEvent;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.FileSettings;
import io.vaultpki.exporter.hook.HookConfiguration;
import io.vaultpki.exporter.hook.HookRunner;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.material.VaultMaterialSource;
import io.vaultpki.exporter.metrics.ExporterMetrics;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.registry.SpecRepository;
import io.vaultpki.exporter.renewal.ExportAttempts;
import io.vaultpki.exporter.renewal.ExportRunner;
import io.vaultpki.exporter.renewal.RenewalJob;
import io.vaultpki.exporter.renewal.RenewalPolicy;
import io.vaultpki.exporter.renewal.RenewalSettings;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The export lifecycle against the emulator with real files: creation, persistence, restart without Vault calls,
 * renewal timing, outages, the loop guard, hooks and re-reads of issuer exports.
 */
class ExportLifecycleTest {

    private static EmulatedPki pki;
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

    @TempDir
    Path root;
    @TempDir
    Path scratch;

    private final List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());
    private final VaultReachability reachability = new VaultReachability();

    @BeforeAll
    static void startVault() {
        pki = new EmulatedPki();
    }

    @AfterAll
    static void stopVault() {
        pki.close();
        WORKERS.shutdownNow();
    }

    @AfterEach
    void clearFaults() {
        pki.emulator.faults().clear();
    }

    private LiveExports manager(ExportSpec... configured) {
        return manager(Hooks.none(), configured);
    }

    /** The exporter's parts as {@link ExporterFactory} wires them, started (recovered and loaded) as after the bind. */
    private LiveExports manager(Hooks hooks, ExportSpec... configured) {
        ExportStore store = new ExportStore(FileSettings.defaults(root), pki.clock);
        RenewalPolicy policy = new RenewalPolicy(new RenewalSettings(33, 0, Duration.ofMinutes(30),
                Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(5), RenewalSettings.DEFAULT_WINDOW_FLOOR_PERCENT), new Random(7));
        AuditSink sink = audit::add;
        ExportRunner runner = new ExportRunner(new VaultMaterialSource(pki.client), store, policy, new HookRunner(), hooks,
                sink, new ExporterMetrics(new SimpleMeterRegistry()), reachability, pki.clock, Duration.ofMinutes(5), 4);
        ExportAttempts attempts = new ExportAttempts(runner, policy, pki.clock);
        ExportRegistry registry = new ExportRegistry();
        SpecRepository repository = new SpecRepository(new ExportLayout(root), "pki_int");
        LiveExports manager = new LiveExports(registry,
                new StartupRecovery(List.of(configured), registry, store, repository, hooks, pki.clock,
                        policy.windows()),
                new RenewalJob(registry, attempts, pki.clock, WORKERS),
                new ExportOperations(registry, attempts, store, repository, hooks, sink, pki.clock));
        manager.start();
        return manager;
    }

    private static ExportSpec web(String name) {
        return ExportSpec.builder(name, Source.ISSUE).mount("pki_int").role("web").commonName(name + ".example.com")
                .ttl(Duration.ofHours(72)).build();
    }

    @Test
    void createIssuesWritesTheFilesAndPersistsTheSpec() {
        LiveExports manager = manager();
        ExportStatus status = manager.create(web("shop"), Actor.token("deployer", "127.0.0.1"));

        assertThat(status.lastOutcome()).isEqualTo(ExportStatus.Outcome.SUCCESS);
        assertThat(status.metadata()).isPresent();
        assertThat(status.metadata().get().commonName()).isEqualTo("shop.example.com");
        assertThat(root.resolve("shop/cert.pem")).isRegularFile();
        assertThat(root.resolve("shop/key.pem")).isRegularFile();
        assertThat(root.resolve(".state/specs/shop.json")).isRegularFile();
        assertThat(audit).extracting(AuditEvent::event).contains("vault.issue", "file.switch", "export.created");
    }

    @Test
    void createRefusedByVaultWritesAndPersistsNothing() {
        LiveExports manager = manager();
        ExportSpec outsideRole = ExportSpec.builder("evil", Source.ISSUE).mount("pki_int").role("web")
                .commonName("www.other.org").build();

        assertThatThrownBy(() -> manager.create(outsideRole, Actor.SYSTEM)).isInstanceOf(VaultException.class);

        assertThat(root.resolve("evil")).doesNotExist();
        assertThat(root.resolve(".state/specs/evil.json")).doesNotExist();
        assertThat(manager.get("evil")).isEmpty();
    }

    @Test
    void invalidSpecIsRejectedBeforeVaultIsAsked() {
        LiveExports manager = manager();
        long before = pki.issuances();
        ExportSpec noCn = ExportSpec.builder("nocn", Source.ISSUE).mount("pki_int").role("web").build();

        assertThatThrownBy(() -> manager.create(noCn, Actor.SYSTEM)).isInstanceOf(SpecInvalidException.class);
        assertThat(pki.issuances()).isEqualTo(before);
    }

    @Test
    void pkcs12WithoutAConfiguredPasswordIsAFieldErrorBeforeVaultIsAsked() {
        LiveExports manager = manager();
        long before = pki.issuances();
        ExportSpec p12 = web("p12").toBuilder().formats(io.vaultpki.exporter.spec.Format.PKCS12).build();

        assertThatThrownBy(() -> manager.create(p12, Actor.SYSTEM)).isInstanceOfSatisfying(SpecInvalidException.class,
                e -> assertThat(e.errors()).extracting(io.vaultpki.exporter.spec.FieldError::field).containsExactly("formats"));
        assertThat(pki.issuances()).isEqualTo(before);
        assertThatThrownBy(() -> manager(p12)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exporter.exports.p12.formats");
    }

    @Test
    void aTakenNameIsAConflict() {
        LiveExports manager = manager(web("api"));
        assertThatThrownBy(() -> manager.create(web("api"), Actor.SYSTEM)).isInstanceOf(ExportConflictException.class);
    }

    @Test
    void configurationExportsAreReadOnlyThroughTheApi() {
        LiveExports manager = manager(web("cfg"));
        assertThatThrownBy(() -> manager.update("cfg", web("cfg"), Actor.SYSTEM)).isInstanceOf(ExportConflictException.class);
        assertThatThrownBy(() -> manager.delete("cfg", true, Actor.SYSTEM)).isInstanceOf(ExportConflictException.class);
    }

    @Test
    void aNameDefinedInConfigurationAndThroughTheApiStopsStartUp() {
        manager().create(web("twice"), Actor.SYSTEM);
        assertThatThrownBy(() -> manager(web("twice"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exporter.exports.twice");
    }

    @Test
    void apiExportsSurviveARestartWithoutAnyVaultCall() {
        ExportStatus created = manager().create(web("persist"), Actor.SYSTEM);
        long before = pki.issuances();

        LiveExports restarted = manager();
        restarted.runDue(true);

        assertThat(pki.issuances()).isEqualTo(before);
        ExportStatus status = restarted.get("persist").orElseThrow();
        assertThat(status.metadata().map(ExportMetadata::serial)).isEqualTo(created.metadata().map(ExportMetadata::serial));
        assertThat(status.nextAttempt()).isAfter(pki.clock.instant());
    }

    @Test
    void aChangedSpecAtRestartIssuesExactlyOnce() {
        manager(web("svc")).runDue(true);
        long before = pki.issuances();

        ExportSpec withSan = web("svc").toBuilder().altNames(List.of("alias.example.com")).build();
        LiveExports restarted = manager(withSan);
        restarted.runDue(true);
        restarted.runDue(true);

        assertThat(pki.issuances()).isEqualTo(before + 1);
        assertThat(restarted.get("svc").orElseThrow().metadata().orElseThrow().dnsNames()).contains("alias.example.com");
    }

    @Test
    void renewalHappensAtTwoThirdsOfTheIssuedLifetime() {
        LiveExports manager = manager();
        ExportMetadata first = manager.create(web("timed"), Actor.SYSTEM).metadata().orElseThrow();
        // renew-before-percent 33: at 67 % of the issued lifetime, i.e. 2/3 rounded to whole percent
        Duration lifetime = Duration.between(first.notBefore(), first.notAfter());
        assertThat(first.renewAt()).isEqualTo(first.notAfter().minus(lifetime.multipliedBy(33).dividedBy(100)));

        pki.clock.advance(Duration.between(pki.clock.instant(), first.renewAt()).minusMinutes(1));
        manager.runDue(true);
        assertThat(manager.get("timed").orElseThrow().metadata().orElseThrow().serial()).isEqualTo(first.serial());

        pki.clock.advance(Duration.ofMinutes(2));
        manager.runDue(true);
        assertThat(manager.get("timed").orElseThrow().metadata().orElseThrow().serial()).isNotEqualTo(first.serial());
    }

    @Test
    void aSealedVaultLeavesTheFilesByteIdenticalAndTheRetryBacksOff() throws IOException {
        LiveExports manager = manager();
        ExportMetadata first = manager.create(web("outage"), Actor.SYSTEM).metadata().orElseThrow();
        Map<String, String> before = DirectorySnapshot.of(root.resolve("outage"));

        pki.emulator.faults().seal();
        pki.clock.advance(Duration.between(pki.clock.instant(), first.renewAt()).plusMinutes(1));
        Instant failedAt = pki.clock.instant();
        manager.runDue(true);

        ExportStatus failed = manager.get("outage").orElseThrow();
        assertThat(failed.lastOutcome()).isEqualTo(ExportStatus.Outcome.FAILURE);
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
        assertThat(failed.nextAttempt()).isBetween(failedAt.plusSeconds(1), failedAt.plus(Duration.ofMinutes(5)));
        assertThat(DirectorySnapshot.of(root.resolve("outage"))).isEqualTo(before);
        assertThat(reachability.reachable()).isFalse();

        pki.emulator.faults().unseal();
        pki.clock.advance(Duration.between(pki.clock.instant(), failed.nextAttempt()));
        manager.runDue(true);
        ExportStatus recovered = manager.get("outage").orElseThrow();
        assertThat(recovered.lastOutcome()).isEqualTo(ExportStatus.Outcome.SUCCESS);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.metadata().orElseThrow().serial()).isNotEqualTo(first.serial());
        assertThat(reachability.reachable()).isTrue();
    }

    @Test
    void aCertificateShorterThanTheRenewalWindowEngagesTheLoopGuard() {
        LiveExports manager = manager();
        ExportSpec spec = ExportSpec.builder("capped", Source.ISSUE).mount("pki_int").role("short")
                .commonName("capped.example.com").ttl(Duration.ofHours(24)).renewBefore(Duration.ofHours(2)).build();

        ExportMetadata m = manager.create(spec, Actor.SYSTEM).metadata().orElseThrow();

        assertThat(m.lifetimeShortened()).as("lifetime %s", Duration.between(m.notBefore(), m.notAfter())).isTrue();
        assertThat(Duration.between(m.notBefore(), m.notAfter())).isLessThanOrEqualTo(Duration.ofMinutes(61));
        assertThat(m.renewAt()).isAfter(m.notBefore());
        assertThatThrownBy(() -> manager.renew("capped", Actor.SYSTEM)).isInstanceOf(RenewalTooSoonException.class);
    }

    @Test
    void theMinimumIssuanceIntervalHoldsEvenWhenRenewalIsDue() {
        LiveExports manager = manager();
        ExportSpec spec = ExportSpec.builder("tight", Source.ISSUE).mount("pki_int").role("short")
                .commonName("tight.example.com").ttl(Duration.ofMinutes(6)).build();
        manager.create(spec, Actor.SYSTEM);
        long before = pki.issuances();

        // 2/3 of 6 min is 4 min, but the minimum interval is min(5 min, lifetime/10): at most one issuance per 36 s
        for (int i = 0; i < 10; i++) {
            pki.clock.advance(Duration.ofSeconds(5));
            manager.runDue(true);
        }
        assertThat(pki.issuances() - before).isLessThanOrEqualTo(2);
    }

    @Test
    void theConfiguredHookRunsOnceAfterEachSwitchAndItsFailureNeverReissues() throws IOException {
        Path log = scratch.resolve("hook.log");
        Hooks hooks = Hooks.of(HookConfiguration.of("record", List.of("sh", "-c",
                "echo \"$EXPORT_NAME $EXPORT_SERIAL $EXPORT_HOOK\" >> '" + log + "'; exit 3"), Duration.ofSeconds(10)));
        ExportSpec spec = web("hooked").toBuilder().hook("record").build();
        LiveExports manager = manager(hooks);
        long before = pki.issuances();
        ExportStatus created = manager.create(spec, Actor.token("deployer", "127.0.0.1"));
        manager.runDue(true);
        manager.runDue(true);

        assertThat(Files.readAllLines(log)).containsExactly("hooked " + created.metadata().orElseThrow().serial() + " record");
        assertThat(pki.issuances()).isEqualTo(before + 1);
        assertThat(audit).filteredOn(e -> e.event().equals("hook.run")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.hook()).isEqualTo("record");
            assertThat(e.exitCode()).isEqualTo(3);
            assertThat(e.export()).isEqualTo("hooked");
            assertThat(e.durationMs()).isNotNull();
            assertThat(e.actor().name()).isEqualTo("deployer");
        });

        pki.clock.advance(Duration.ofMinutes(6));
        ExportStatus renewed = manager.renew("hooked", Actor.SYSTEM);
        assertThat(Files.readAllLines(log)).hasSize(2).last()
                .isEqualTo("hooked " + renewed.metadata().orElseThrow().serial() + " record");
    }

    @Test
    void anExportNamingAHookThatIsNotConfiguredIsAFieldErrorBeforeVaultIsAsked() {
        LiveExports manager = manager(Hooks.of(HookConfiguration.of("reload", List.of("true"), null)));
        long before = pki.issuances();

        assertThatThrownBy(() -> manager.create(web("nohook").toBuilder().hook("restart").build(), Actor.SYSTEM))
                .isInstanceOfSatisfying(SpecInvalidException.class, e -> assertThat(e.errors())
                        .extracting(io.vaultpki.exporter.spec.FieldError::field).containsExactly("hook"));
        assertThat(pki.issuances()).isEqualTo(before);
        assertThat(root.resolve("nohook")).doesNotExist();
    }

    @Test
    void anApiExportWhoseHookWasRemovedFromTheConfigurationKeepsRenewingAndRunsNothing() {
        Path marker = scratch.resolve("ran");
        LiveExports before = manager(Hooks.of(HookConfiguration.of("reload", List.of("touch", marker.toString()), null)));
        before.create(web("orphan").toBuilder().hook("reload").build(), Actor.SYSTEM);
        assertThat(marker).exists();
        audit.clear();
        org.assertj.core.util.Files.delete(marker.toFile());

        LiveExports after = manager(Hooks.none());
        pki.clock.advance(Duration.ofMinutes(6));
        ExportStatus renewed = after.renew("orphan", Actor.SYSTEM);

        assertThat(renewed.lastOutcome()).isEqualTo(ExportStatus.Outcome.SUCCESS);
        assertThat(renewed.spec().hook()).isEqualTo("reload");
        assertThat(marker).doesNotExist();
        assertThat(audit).filteredOn(e -> e.event().equals("hook.run")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.hook()).isEqualTo("reload");
            assertThat(e.exitCode()).isNull();
            assertThat(e.detail()).contains("not configured");
        });
    }

    @Test
    void changingOnlyTheHookOfAnExportDoesNotReissueAtStartUp() {
        LiveExports first = manager(Hooks.of(HookConfiguration.of("a", List.of("true"), null),
                HookConfiguration.of("b", List.of("true"), null)), web("stable").toBuilder().hook("a").build());
        first.runDue(true);
        long before = pki.issuances();

        LiveExports second = manager(Hooks.of(HookConfiguration.of("a", List.of("true"), null),
                HookConfiguration.of("b", List.of("true"), null)), web("stable").toBuilder().hook("b").build());
        second.runDue(true);

        assertThat(pki.issuances()).isEqualTo(before);
        assertThat(second.get("stable").orElseThrow().spec().hook()).isEqualTo("b");
    }

    @Test
    void anIssuerExportIsRewrittenOnlyWhenTheIssuerChanges() {
        LiveExports manager = manager();
        ExportSpec spec = ExportSpec.builder("ca", Source.ISSUER).mount("pki_int").build();
        ExportMetadata first = manager.create(spec, Actor.SYSTEM).metadata().orElseThrow();

        pki.clock.advance(Duration.ofMinutes(6));
        manager.runDue(true);
        ExportStatus unchanged = manager.get("ca").orElseThrow();
        assertThat(unchanged.lastOutcome()).isEqualTo(ExportStatus.Outcome.UNCHANGED);
        assertThat(unchanged.metadata().orElseThrow().version()).isEqualTo(first.version());

        Instant now = pki.clock.instant();
        Issuer rotated = pki.intermediate.generateIntermediate(IssuerSpec.named("int-next").commonName("Next Intermediate")
                .key(KeyAlgorithm.EC_P256).notBefore(now).notAfter(now.plus(Duration.ofDays(400))), pki.rootIssuer);
        try {
            pki.intermediate.setDefault(rotated.id());
            pki.clock.advance(Duration.ofMinutes(6));
            manager.runDue(true);
            ExportStatus switched = manager.get("ca").orElseThrow();
            assertThat(switched.lastOutcome()).isEqualTo(ExportStatus.Outcome.SUCCESS);
            assertThat(switched.metadata().orElseThrow().commonName()).isEqualTo("Next Intermediate");
        } finally {
            pki.intermediate.setDefault(pki.intermediateIssuer.id());
        }
    }

    @Test
    void updateReissuesWithTheNewSpecAndARefusedUpdateChangesNothing() {
        LiveExports manager = manager();
        ExportMetadata first = manager.create(web("upd"), Actor.SYSTEM).metadata().orElseThrow();

        ExportSpec refused = web("upd").toBuilder().commonName("upd.other.org").build();
        assertThatThrownBy(() -> manager.update("upd", refused, Actor.SYSTEM)).isInstanceOf(VaultException.class);
        assertThat(manager.get("upd").orElseThrow().spec().commonName()).isEqualTo("upd.example.com");
        assertThat(manager.get("upd").orElseThrow().metadata().orElseThrow().serial()).isEqualTo(first.serial());

        ExportSpec changed = web("upd").toBuilder().altNames(List.of("upd2.example.com")).build();
        ExportStatus updated = manager.update("upd", changed, Actor.SYSTEM);
        assertThat(updated.metadata().orElseThrow().dnsNames()).contains("upd2.example.com");
        assertThat(manager().get("upd").orElseThrow().spec().altNames()).containsExactly("upd2.example.com");
    }

    @Test
    void deleteWithPurgeRemovesTheFilesAndWithoutPurgeKeepsThem() {
        LiveExports manager = manager();
        manager.create(web("gone"), Actor.SYSTEM);
        manager.create(web("kept"), Actor.SYSTEM);

        manager.delete("gone", true, Actor.SYSTEM);
        manager.delete("kept", false, Actor.SYSTEM);

        assertThat(root.resolve("gone")).doesNotExist();
        assertThat(root.resolve("kept/cert.pem")).isRegularFile();
        assertThat(root.resolve(".state/specs/gone.json")).doesNotExist();
        assertThat(root.resolve(".state/specs/kept.json")).doesNotExist();
        assertThat(manager().get("kept")).isEmpty();
        assertThatThrownBy(() -> manager.files("gone")).isInstanceOf(ExportNotFoundException.class);
    }

}

package io.vaultpki.exporter.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.exporter.DirectorySnapshot;
import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditEvent;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.FileSettings;
import io.vaultpki.exporter.files.PendingRevocation;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.hook.HookRunner;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.material.VaultMaterialSource;
import io.vaultpki.exporter.metrics.ExporterMetrics;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.SpecRepository;
import io.vaultpki.exporter.renewal.ExportAttempts;
import io.vaultpki.exporter.renewal.ExportRunner;
import io.vaultpki.exporter.renewal.RenewalJob;
import io.vaultpki.exporter.renewal.RenewalPolicy;
import io.vaultpki.exporter.renewal.RenewalScheduler;
import io.vaultpki.exporter.renewal.RenewalSettings;
import io.vaultpki.exporter.revocation.PendingRevocations;
import io.vaultpki.exporter.revocation.RevocationOutcome;
import io.vaultpki.exporter.revocation.RevocationRun;
import io.vaultpki.exporter.revocation.VaultRevoker;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Source;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/**
 * revoke-previous against the emulator, with real files and the emulator's clock: the replaced certificate is revoked
 * only after the switch and the readers' grace period, survives a restart, is retried after a failure without the
 * files ever moving, and an already revoked or expired certificate counts as done.
 */
class RevokePreviousTest {

    private static final Duration GRACE = FileSettings.defaults(Path.of("/")).grace();
    private static EmulatedPki pki;
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

    @TempDir
    Path root;

    private final List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());
    private SimpleMeterRegistry meters;

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

    /** The exporter's parts as ExporterFactory wires them, started; a second call is a restart on the same root. */
    private record Exporter(LiveExports exports, PendingRevocations revocations, ExportStore store) {
    }

    private Exporter start(ExportSpec... configured) {
        meters = new SimpleMeterRegistry();
        ExportStore store = new ExportStore(FileSettings.defaults(root), pki.clock);
        RenewalPolicy policy = new RenewalPolicy(new RenewalSettings(33, 0, Duration.ofMinutes(30),
                Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(5), RenewalSettings.DEFAULT_WINDOW_FLOOR_PERCENT), new Random(7));
        AuditSink sink = audit::add;
        ExporterMetrics metrics = new ExporterMetrics(meters);
        VaultReachability reachability = new VaultReachability();
        ExportRunner runner = new ExportRunner(new VaultMaterialSource(pki.client), store, policy, new HookRunner(),
                Hooks.none(), sink, metrics, reachability, pki.clock, Duration.ofMinutes(5), 4);
        ExportAttempts attempts = new ExportAttempts(runner, policy, pki.clock);
        ExportRegistry registry = new ExportRegistry();
        registry.onExportGone(metrics::forget);
        SpecRepository repository = new SpecRepository(new ExportLayout(root), "pki_int");
        LiveExports exports = new LiveExports(registry,
                new StartupRecovery(List.of(configured), registry, store, repository, Hooks.none(), pki.clock,
                        policy.windows()),
                new RenewalJob(registry, attempts, pki.clock, WORKERS),
                new ExportOperations(registry, attempts, store, repository, Hooks.none(), sink, pki.clock));
        exports.start();
        PendingRevocations revocations = new PendingRevocations(registry, store, new VaultRevoker(pki.client), policy,
                sink, metrics, reachability, pki.clock);
        return new Exporter(exports, revocations, store);
    }

    private static ExportSpec web(String name, boolean revokePrevious) {
        return ExportSpec.builder(name, Source.ISSUE).mount("pki_int").role("web").commonName(name + ".example.com")
                .ttl(Duration.ofHours(72)).revokePrevious(revokePrevious).build();
    }

    /** Renews through the API's path (past the minimum issuance interval): a switch to a new certificate. */
    private static ExportMetadata rotate(Exporter exporter, String name) {
        pki.clock.advance(Duration.ofMinutes(6));
        return exporter.exports().renew(name, Actor.SYSTEM).metadata().orElseThrow();
    }

    private static boolean revokedInVault(String serial) {
        return pki.client.pki("pki_int").readCertificate(serial).orElseThrow().revoked();
    }

    private static long revokeCalls() {
        return pki.emulator.requests().count("POST", ".*pki_int/revoke") + pki.emulator.requests().count("PUT", ".*pki_int/revoke");
    }

    private double revocations(String export, String outcome) {
        Counter c = meters.find("vault_pki_exporter_revocations").tags("export", export, "outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private List<AuditEvent> revokeEvents(String export) {
        return audit.stream().filter(e -> e.event().equals("vault.revoke") && export.equals(e.export())).toList();
    }

    @Test
    void revokesThePreviousCertificateAfterTheSwitchAndTheReadersGrace() {
        Exporter exporter = start();
        String first = exporter.exports().create(web("rotated", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        ExportMetadata second = rotate(exporter, "rotated");

        pki.clock.advance(GRACE);
        RevocationRun run = exporter.revocations().runDue(pki.clock.instant());

        assertThat(run.done()).containsEntry(RevocationOutcome.REVOKED, 1);
        assertThat(revokedInVault(first)).isTrue();
        assertThat(revokedInVault(second.serial())).isFalse();
        RevocationRecord record = exporter.exports().revocations("rotated");
        assertThat(record.pending()).isEmpty();
        assertThat(record.last().serial()).isEqualTo(first);
        assertThat(record.last().outcome()).isEqualTo("revoked");
        assertThat(revocations("rotated", "revoked")).isEqualTo(1);
        assertThat(revokeEvents("rotated")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("success");
            assertThat(e.serial()).isEqualTo(first);
            assertThat(e.detail()).isEqualTo("revoked");
        });
        assertThat(exporter.revocations().runDue(pki.clock.instant()).doneCount()).isZero();
    }

    @Test
    void doesNotRevokeBeforeTheReadersGraceHasPassed() {
        Exporter exporter = start();
        String first = exporter.exports().create(web("graceful", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        ExportMetadata second = rotate(exporter, "graceful");
        long callsBefore = revokeCalls();

        pki.clock.advance(GRACE.minusSeconds(1));
        RevocationRun early = exporter.revocations().runDue(pki.clock.instant());

        assertThat(early.doneCount()).isZero();
        assertThat(early.stillPending()).isEqualTo(1);
        assertThat(revokeCalls()).isEqualTo(callsBefore);
        assertThat(revokedInVault(first)).isFalse();
        PendingRevocation pending = exporter.exports().revocations("graceful").pending().get(0);
        assertThat(pending.serial()).isEqualTo(first);
        assertThat(pending.dueAt()).isEqualTo(second.writtenAt().plus(GRACE));
        Gauge gauge = meters.find("vault_pki_exporter_pending_revocations").tags("export", "graceful").gauge();
        assertThat(gauge.value()).isEqualTo(1.0);

        pki.clock.advance(Duration.ofSeconds(1));
        exporter.revocations().runDue(pki.clock.instant());
        assertThat(revokedInVault(first)).isTrue();
        assertThat(gauge.value()).isZero();
    }

    @Test
    void aPendingRevocationSurvivesARestartAndTheNextInstanceRevokesIt() {
        Exporter before = start();
        String first = before.exports().create(web("restarted", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        rotate(before, "restarted");

        Exporter after = start();
        pki.clock.advance(GRACE);
        after.revocations().runDue(pki.clock.instant());

        assertThat(revokedInVault(first)).isTrue();
        assertThat(after.exports().revocations("restarted").pending()).isEmpty();
    }

    @Test
    void aFailedRevocationIsRetriedCountedAndAuditedAndNeverTouchesTheFiles() {
        Exporter exporter = start();
        String first = exporter.exports().create(web("flaky", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        ExportMetadata second = rotate(exporter, "flaky");
        Map<String, String> files = filesOf("flaky");
        pki.clock.advance(GRACE);
        pki.emulator.faults().failNext(".*pki_int/revoke", 1, 500, "internal error");

        Instant failedAt = pki.clock.instant();
        RevocationRun failed = exporter.revocations().runDue(failedAt);

        assertThat(failed.failures()).singleElement().asString().startsWith("export flaky: revoking " + first)
                .contains("server_error");
        assertThat(filesOf("flaky")).isEqualTo(files);
        assertThat(exporter.store().current("flaky").orElseThrow().serial()).isEqualTo(second.serial());
        PendingRevocation retry = exporter.exports().revocations("flaky").pending().get(0);
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.nextAttempt()).isBetween(failedAt.plusSeconds(1), failedAt.plusSeconds(10));
        assertThat(retry.lastError()).startsWith("server_error");
        assertThat(revocations("flaky", "failure")).isEqualTo(1);
        assertThat(revokeEvents("flaky")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.serial()).isEqualTo(first);
            assertThat(e.detail()).startsWith("server_error");
        });
        // a renewal is never held up by a pending or failing revocation
        assertThat(exporter.exports().get("flaky").orElseThrow().lastOutcome().name()).isEqualTo("SUCCESS");
        assertThat(rotate(exporter, "flaky").serial()).isNotEqualTo(second.serial());

        pki.clock.advance(Duration.between(pki.clock.instant(), retry.nextAttempt()).plusSeconds(1));
        exporter.revocations().runDue(pki.clock.instant());
        assertThat(revokedInVault(first)).isTrue();
        assertThat(revocations("flaky", "revoked")).isEqualTo(1);
    }

    @Test
    void anAlreadyRevokedCertificateCountsAsDone() {
        Exporter exporter = start();
        String first = exporter.exports().create(web("operator", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        rotate(exporter, "operator");
        pki.intermediate.revoke(first);
        pki.clock.advance(GRACE);
        long callsBefore = revokeCalls();

        RevocationRun run = exporter.revocations().runDue(pki.clock.instant());

        assertThat(run.done()).containsEntry(RevocationOutcome.ALREADY_REVOKED, 1);
        assertThat(run.failures()).isEmpty();
        assertThat(revokeCalls()).isEqualTo(callsBefore);
        assertThat(exporter.exports().revocations("operator").pending()).isEmpty();
        assertThat(exporter.exports().revocations("operator").last().outcome()).isEqualTo("already_revoked");
        assertThat(revocations("operator", "already_revoked")).isEqualTo(1);
    }

    @Test
    void anExpiredReplacedCertificateIsDoneWithoutAVaultCall() {
        Exporter exporter = start();
        ExportMetadata first = exporter.exports().create(web("lapsed", true), Actor.SYSTEM).metadata().orElseThrow();
        rotate(exporter, "lapsed");
        pki.clock.advance(Duration.between(pki.clock.instant(), first.notAfter()).plusSeconds(1));
        long callsBefore = revokeCalls();

        RevocationRun run = exporter.revocations().runDue(pki.clock.instant());

        assertThat(run.done()).containsEntry(RevocationOutcome.EXPIRED, 1);
        assertThat(revokeCalls()).isEqualTo(callsBefore);
        assertThat(exporter.exports().revocations("lapsed").pending()).isEmpty();
    }

    @Test
    void revokePreviousIsOffByDefaultAndASwitchRecordsNothing() throws IOException {
        Exporter exporter = start();
        ExportSpec spec = ExportSpec.builder("plain", Source.ISSUE).mount("pki_int").role("web")
                .commonName("plain.example.com").build();
        assertThat(spec.revokePrevious()).isFalse();
        String first = exporter.exports().create(spec, Actor.SYSTEM).metadata().orElseThrow().serial();
        rotate(exporter, "plain");
        long callsBefore = revokeCalls();

        pki.clock.advance(GRACE);
        exporter.revocations().runDue(pki.clock.instant());

        assertThat(Files.exists(new ExportLayout(root).revocationsFile("plain"))).isFalse();
        assertThat(revokeCalls()).isEqualTo(callsBefore);
        assertThat(revokedInVault(first)).isFalse();
        assertThat(revokeEvents("plain")).isEmpty();
    }

    @Test
    void deletingAnExportNeverRevokesWhatWasPending() {
        Exporter exporter = start();
        String first = exporter.exports().create(web("dropped", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        rotate(exporter, "dropped");

        exporter.exports().delete("dropped", false, Actor.SYSTEM);
        pki.clock.advance(GRACE);
        exporter.revocations().runDue(pki.clock.instant());

        assertThat(revokedInVault(first)).isFalse();
        assertThat(Files.exists(new ExportLayout(root).revocationsFile("dropped"))).isFalse();
        // and a new export of that name starts with nothing pending
        exporter.exports().create(web("dropped", true), Actor.SYSTEM);
        assertThat(exporter.exports().revocations("dropped").pending()).isEmpty();
    }

    @Test
    void aCertificateTheExporterOnlyReadIsNeverRevokedWhenTheExportTurnsIntoAnIssueExport() {
        Exporter exporter = start();
        String foreign = pki.client.pki("pki_int").issue("web",
                io.vaultpki.client.pki.IssueRequest.of("foreign.example.com")).serialNumber();
        exporter.exports().create(ExportSpec.builder("borrowed", Source.CERTIFICATE).mount("pki_int").serial(foreign)
                .build(), Actor.SYSTEM);

        exporter.exports().update("borrowed", web("borrowed", true), Actor.SYSTEM);
        pki.clock.advance(GRACE);
        exporter.revocations().runDue(pki.clock.instant());

        assertThat(exporter.exports().revocations("borrowed").pending()).isEmpty();
        assertThat(revokedInVault(foreign)).isFalse();
    }

    @Test
    void aPlantedLedgerCanNeitherRevokeTheCurrentCertificateNorAMalformedSerial() throws IOException {
        Exporter exporter = start();
        String current = exporter.exports().create(web("planted", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        Instant past = pki.clock.instant().minusSeconds(600);
        Instant future = pki.clock.instant().plus(Duration.ofDays(3));
        Files.writeString(new ExportLayout(root).revocationsFile("planted"), """
                {"pending": [
                  {"serial": "%s", "mount": "pki_int", "not_after": "%s", "replaced_at": "%s", "due_at": "%s"},
                  {"serial": "../../sys/seal", "mount": "pki_int", "not_after": "%s", "replaced_at": "%s", "due_at": "%s"},
                  {"serial": "01:02", "mount": "../sys", "not_after": "%s", "replaced_at": "%s", "due_at": "%s"}
                ]}
                """.formatted(current, future, past, past, future, past, past, future, past, past), StandardCharsets.UTF_8);
        long callsBefore = revokeCalls();

        exporter.revocations().runDue(pki.clock.instant());

        assertThat(revokeCalls()).isEqualTo(callsBefore);
        assertThat(revokedInVault(current)).isFalse();
        assertThat(exporter.exports().revocations("planted").pending()).isEmpty();
        assertThat(exporter.store().foreignEntries("planted")).isEmpty();
    }

@Test
    void theServicesSchedulerRevokesWhatIsDueOnItsTick() {
        Exporter exporter = start();
        String first = exporter.exports().create(web("ticked", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        rotate(exporter, "ticked");
        pki.clock.advance(GRACE);
        RenewalScheduler scheduler = new RenewalScheduler(exporter.exports().renewals, exporter.store(), Duration.ofMillis(20), () -> exporter.revocations().dispatch(WORKERS));

        scheduler.start();
        try {
            Await.until("the replaced certificate revoked by the scheduler", Duration.ofSeconds(10),
                    () -> revokedInVault(first));
        } finally {
            scheduler.stop();
        }
        assertThat(exporter.exports().revocations("ticked").pending()).isEmpty();
    }

    @Test
    void aDryRunSeesWhatIsDueWithoutRevokingAnything() {
        Exporter exporter = start();
        String first = exporter.exports().create(web("dry", true), Actor.SYSTEM).metadata().orElseThrow().serial();
        rotate(exporter, "dry");
        long callsBefore = revokeCalls();

        assertThat(exporter.revocations().due(pki.clock.instant(), null)).isEmpty();
        pki.clock.advance(GRACE);
        Map<String, List<PendingRevocation>> due = exporter.revocations().due(pki.clock.instant(), java.util.Set.of("dry"));

        assertThat(due.get("dry")).extracting(PendingRevocation::serial).containsExactly(first);
        assertThat(exporter.revocations().due(pki.clock.instant(), java.util.Set.of("other"))).isEmpty();
        assertThat(revokeCalls()).isEqualTo(callsBefore);
        assertThat(exporter.exports().revocations("dry").pending()).hasSize(1);
    }

        /** The export's files and links, without its revocation ledger (which a revocation attempt updates). */
    private Map<String, String> filesOf(String export) {
        Map<String, String> snapshot = new java.util.TreeMap<>(DirectorySnapshot.of(root.resolve(export)));
        snapshot.remove(ExportLayout.REVOCATIONS);
        return snapshot;
    }
}

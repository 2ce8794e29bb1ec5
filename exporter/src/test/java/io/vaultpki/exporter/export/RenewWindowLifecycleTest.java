package io.vaultpki.exporter.export;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditSink;
import io.vaultpki.exporter.failure.VaultReachability;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.files.FileSettings;
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
import io.vaultpki.exporter.window.RenewWindow;
import io.vaultpki.exporter.window.WindowPlacement.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renew windows in the running exporter, against the emulator with a fake clock: the renewal job, start-up adoption
 * and the API's renew, wired as {@link ExporterFactory} wires them. The emulator's clock only moves forward from the
 * real time, so each window is a daily UTC window placed relative to the certificate's plan. Role {@code web} issues
 * 72 h: the plan is at 67 % (48.24 h), the default floor 10 % (7.2 h before expiry, at 64.8 h).
 */
class RenewWindowLifecycleTest {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static EmulatedPki pki;
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

    @TempDir
    Path root;

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
        ExportStore store = new ExportStore(FileSettings.defaults(root), pki.clock);
        RenewalSettings settings = new RenewalSettings(33, 0, Duration.ofMinutes(30), Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofMinutes(5), 10);
        RenewalPolicy policy = new RenewalPolicy(settings, new Random(7));
        AuditSink sink = event -> { };
        ExportRunner runner = new ExportRunner(new VaultMaterialSource(pki.client), store, policy, new HookRunner(),
                Hooks.none(), sink, new ExporterMetrics(new SimpleMeterRegistry()), new VaultReachability(), pki.clock,
                Duration.ofMinutes(5), 4);
        ExportAttempts attempts = new ExportAttempts(runner, policy, pki.clock);
        ExportRegistry registry = new ExportRegistry();
        SpecRepository repository = new SpecRepository(new ExportLayout(root), "pki_int");
        LiveExports manager = new LiveExports(registry,
                new StartupRecovery(List.of(configured), registry, store, repository, Hooks.none(), pki.clock,
                        policy.windows()),
                new RenewalJob(registry, attempts, pki.clock, WORKERS),
                new ExportOperations(registry, attempts, store, repository, Hooks.none(), sink, pki.clock));
        manager.start();
        return manager;
    }

    private static ExportSpec web(String name, String window) {
        return ExportSpec.builder(name, Source.ISSUE).mount("pki_int").role("web").commonName(name + ".example.com")
                .ttl(Duration.ofHours(72)).renewWindow(window == null ? null : RenewWindow.parse(window)).build();
    }

    /** A daily one-hour UTC window starting at {@code start}'s minute. */
    private static String daily(Instant start) {
        return "daily " + HHMM.format(start) + "-" + HHMM.format(start.plus(Duration.ofHours(1))) + " UTC";
    }

    /** When a certificate issued now will be planned for renewal (67 % of 72 h, no jitter). */
    private static Instant planOfNew() {
        return pki.clock.instant().plus(Duration.ofMinutes(72 * 60 * 67 / 100));
    }

    private void advanceTo(Instant t) {
        Duration d = Duration.between(pki.clock.instant(), t);
        if (!d.isNegative()) {
            pki.clock.advance(d);
        }
    }

    /** 10 % of the issued lifetime (the emulator back-dates notBefore a little) before expiry. */
    private static Instant floorAt(ExportMetadata m) {
        return m.notAfter().minusMillis(m.issuedLifetimeSeconds() * 1000 * 10 / 100);
    }

    private static String serial(LiveExports m, String name) {
        return m.get(name).orElseThrow().metadata().orElseThrow().serial();
    }

    @Test
    void aPlannedRenewalOutsideTheWindowWaitsForItAndRenewsInside() {
        Instant windowStart = planOfNew().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
        LiveExports manager = manager();
        long before = pki.issuances();

        // first issuance never waits for the window
        ExportStatus created = manager.create(web("nightly", daily(windowStart)), Actor.SYSTEM);
        assertThat(pki.issuances()).isEqualTo(before + 1);
        ExportMetadata first = created.metadata().orElseThrow();
        assertThat(created.nextAttempt()).isEqualTo(windowStart);
        assertThat(created.window().decision()).isEqualTo(Decision.WAITS_FOR_WINDOW);
        assertThat(created.window().planned()).isEqualTo(first.renewAt());

        advanceTo(first.renewAt().plus(Duration.ofMinutes(1)));
        manager.runDue(true);
        assertThat(serial(manager, "nightly")).isEqualTo(first.serial());

        advanceTo(windowStart.minusSeconds(1));
        manager.runDue(true);
        assertThat(serial(manager, "nightly")).isEqualTo(first.serial());

        advanceTo(windowStart);
        manager.runDue(true);
        assertThat(serial(manager, "nightly")).isNotEqualTo(first.serial());
        assertThat(pki.issuances()).isEqualTo(before + 2);
    }

    @Test
    void aPlanInsideTheWindowRenewsAtThePlan() {
        Instant windowStart = planOfNew().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        LiveExports manager = manager();
        ExportStatus created = manager.create(web("inside", daily(windowStart)), Actor.SYSTEM);
        ExportMetadata first = created.metadata().orElseThrow();

        assertThat(created.nextAttempt()).isEqualTo(first.renewAt());
        assertThat(created.window().decision()).isEqualTo(Decision.INSIDE_WINDOW);
        advanceTo(first.renewAt());
        manager.runDue(true);
        assertThat(serial(manager, "inside")).isNotEqualTo(first.serial());
    }

    @Test
    void whenTheNextWindowComesAfterTheFloorTheExportRenewsAtTheFloorOutsideTheWindow() {
        // 20 h after the plan: later than the floor (16.56 h after it)
        Instant windowStart = planOfNew().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        LiveExports manager = manager();
        ExportStatus created = manager.create(web("floor", daily(windowStart)), Actor.SYSTEM);
        ExportMetadata first = created.metadata().orElseThrow();
        Instant floorAt = floorAt(first);

        assertThat(created.window().decision()).isEqualTo(Decision.FLOOR_BEFORE_WINDOW);
        assertThat(created.nextAttempt()).isEqualTo(floorAt);

        advanceTo(floorAt.minusSeconds(1));
        manager.runDue(true);
        assertThat(serial(manager, "floor")).isEqualTo(first.serial());
        advanceTo(floorAt);
        manager.runDue(true);
        assertThat(serial(manager, "floor")).isNotEqualTo(first.serial());
        assertThat(windowStart).isAfter(pki.clock.instant());
    }

    @Test
    void theApiRenewIgnoresTheWindow() {
        Instant windowStart = planOfNew().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
        LiveExports manager = manager();
        ExportMetadata first = manager.create(web("manual", daily(windowStart)), Actor.SYSTEM).metadata().orElseThrow();
        advanceTo(pki.clock.instant().plus(Duration.ofMinutes(6))); // past the loop guard's minimum interval

        ExportStatus renewed = manager.renew("manual", Actor.token("operator", "127.0.0.1"));

        assertThat(renewed.metadata().orElseThrow().serial()).isNotEqualTo(first.serial());
        // the next planned renewal waits for the window again
        assertThat(renewed.window().deferred()).isTrue();
    }

    @Test
    void filesDueAtARestartOutsideTheWindowWaitForIt() {
        Instant windowStart = planOfNew().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
        ExportSpec spec = web("restart", daily(windowStart));
        LiveExports first = manager(spec);
        first.runDue(true);
        ExportMetadata issued = first.get("restart").orElseThrow().metadata().orElseThrow();
        long before = pki.issuances();

        // down over the planned renewal; back before the window
        advanceTo(issued.renewAt().plus(Duration.ofHours(1)));
        LiveExports restarted = manager(spec);
        ExportStatus adopted = restarted.get("restart").orElseThrow();
        restarted.runDue(true);

        assertThat(adopted.nextAttempt()).isEqualTo(windowStart);
        assertThat(adopted.window().deferred()).isTrue();
        assertThat(pki.issuances()).isEqualTo(before);

        advanceTo(windowStart);
        restarted.runDue(true);
        assertThat(pki.issuances()).isEqualTo(before + 1);
    }

    @Test
    void anApiExportKeepsItsWindowOverARestart() {
        Instant windowStart = planOfNew().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
        manager().create(web("persisted", daily(windowStart)), Actor.SYSTEM);

        ExportStatus adopted = manager().get("persisted").orElseThrow();

        assertThat(adopted.spec().renewWindow()).isEqualTo(RenewWindow.parse(daily(windowStart)));
        assertThat(adopted.nextAttempt()).isEqualTo(windowStart);
    }

    @Test
    void firstIssuanceAndAChangedSpecDoNotWaitForTheWindow() {
        // a window that is not open now
        Instant windowStart = pki.clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        ExportSpec spec = web("eager", daily(windowStart));
        long before = pki.issuances();

        LiveExports first = manager(spec);
        first.runDue(true);
        assertThat(pki.issuances()).isEqualTo(before + 1);

        advanceTo(pki.clock.instant().plus(Duration.ofMinutes(6)));
        ExportSpec changed = spec.toBuilder().altNames(List.of("alias.example.com")).build();
        LiveExports restarted = manager(changed);
        assertThat(restarted.get("eager").orElseThrow().window().decision()).isEqualTo(Decision.NOT_PLANNED);
        restarted.runDue(true);
        assertThat(pki.issuances()).isEqualTo(before + 2);
    }

    @Test
    void retriesOfAPlannedRenewalStayInsideTheWindowThenWaitForTheFloor() {
        Instant windowStart = planOfNew().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
        Instant windowEnd = windowStart.plus(Duration.ofHours(1));
        LiveExports manager = manager();
        ExportMetadata first = manager.create(web("retry", daily(windowStart)), Actor.SYSTEM).metadata().orElseThrow();
        Instant floorAt = floorAt(first);

        pki.emulator.faults().seal();
        advanceTo(windowStart);
        ExportStatus status = manager.get("retry").orElseThrow();
        int attempts = 0;
        while (status.nextAttempt().isBefore(windowEnd)) {
            assertThat(++attempts).isLessThan(200);
            advanceTo(status.nextAttempt());
            manager.runDue(true);
            status = manager.get("retry").orElseThrow();
            assertThat(status.lastOutcome()).isEqualTo(ExportStatus.Outcome.FAILURE);
        }
        // the window closed while Vault was sealed; the next one (a day later) is after the floor
        assertThat(attempts).isGreaterThan(1);
        assertThat(status.nextAttempt()).isEqualTo(floorAt);
        assertThat(status.window().decision()).isEqualTo(Decision.FLOOR_BEFORE_WINDOW);

        pki.emulator.faults().unseal();
        advanceTo(floorAt);
        manager.runDue(true);
        assertThat(serial(manager, "retry")).isNotEqualTo(first.serial());
    }
}

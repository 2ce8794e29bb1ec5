package io.vaultpki.exporter;

import io.vaultpki.exporter.layout.ExportLayout;
import io.vaultpki.exporter.registry.SpecRepository;
import io.vaultpki.exporter.spec.SpecCodec;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --once} in process, through the same entry as {@code main} ({@link OneShot#run}, which returns the exit
 * status instead of exiting), against the emulated Vault: what it writes, what it asks Vault, its exit status and
 * its lines, its locks, and that it never opens a port.
 */
class OneShotTest {

    private EmulatedVault vault;
    private Path root;
    private Map<String, Object> settings;

    record Result(int status, List<String> out, List<String> err) {
    }

    @BeforeEach
    void start() {
        vault = EmulatedVault.start("once");
        root = vault.exportRoot();
        settings = new HashMap<>(vault.properties());
        settings.put("exporter.default-mount", "pki_int");
        web("web", "web.example.com");
        settings.put("exporter.exports.root-ca.source", "issuer");
        settings.put("exporter.exports.root-ca.mount", "pki");
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private void web(String name, String commonName) {
        settings.put("exporter.exports." + name + ".source", "issue");
        settings.put("exporter.exports." + name + ".role", "web");
        settings.put("exporter.exports." + name + ".common-name", commonName);
    }

    private Result once(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = OneShot.run(args, settings, o, e);
        }
        return new Result(status, lines(out), lines(err));
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    private long vaultRequests() {
        return vault.emulator().requests().all().size();
    }

    private long issuances() {
        return vault.emulator().requests().all().stream().filter(r -> r.path().contains("/issue/")).count();
    }

    private String serial(String export) throws IOException {
        String json = Files.readString(root.resolve(export).resolve("metadata.json"));
        return json.replaceAll("(?s).*\"serial\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Every file under the root with its modification time: equal maps mean no file was rewritten or touched. */
    private Map<String, FileTime> mtimes() throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.toString().contains(".state")).toList()) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
            }
        }
        return out;
    }

    /** Issues the web export 60 h "ago" (the emulator's clock), so its renewal time (2/3 of 72 h) has passed. */
    private void issueDueCertificate() {
        settings.put("exporter.renewal.min-issuance-interval", "1ms");
        vault.emulator().clock().advance(Duration.ofHours(-60));
        assertThat(once("--once", "--export", "web").status()).isZero();
        vault.emulator().clock().advance(Duration.ofHours(60));
    }

    @Test
    void aFreshDirectoryGetsEveryExportAndExitsZero() {
        Result r = once("--once");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("export web: issued (serial "))
                .anySatisfy(l -> assertThat(l).startsWith("export root-ca: re-read, files updated"));
        assertThat(root.resolve("web/cert.pem")).isRegularFile();
        assertThat(root.resolve("web/key.pem")).isRegularFile();
        assertThat(root.resolve("root-ca/cert.pem")).isRegularFile();
    }

    @Test
    void upToDateFilesExitZeroWithoutAnyVaultRequestAndUntouched() throws IOException {
        assertThat(once("--once").status()).isZero();
        Map<String, String> before = DirectorySnapshot.of(root.resolve("web"));
        Map<String, FileTime> times = mtimes();
        vault.emulator().requests().clear();

        Result r = once("--once");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(vaultRequests()).as("no Vault request at all, not even a login").isZero();
        assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("export web: up to date (serial "))
                .anySatisfy(l -> assertThat(l).startsWith("export root-ca: up to date"));
        assertThat(DirectorySnapshot.of(root.resolve("web"))).isEqualTo(before);
        assertThat(mtimes()).isEqualTo(times);
    }

    @Test
    void aDueCertificateIsRenewed() throws IOException {
        issueDueCertificate();
        String old = serial("web");
        vault.emulator().requests().clear();

        Result r = once("--once", "--export", "web");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(issuances()).isEqualTo(1);
        assertThat(r.out()).singleElement().asString().startsWith("export web: renewed (serial ");
        assertThat(serial("web")).isNotEqualTo(old);
    }

    @Test
    void theServicesLoopGuardHoldsBackADueExportIssuedMomentsAgo() {
        vault.emulator().clock().advance(Duration.ofHours(-60)); // issued due at once, as a too-short certificate is
        assertThat(once("--once", "--export", "web").status()).isZero();
        vault.emulator().requests().clear();

        Result r = once("--once", "--export", "web");

        assertThat(r.status()).as("the files are valid: %s", r).isZero();
        assertThat(issuances()).as("never minted twice inside exporter.renewal.min-issuance-interval").isZero();
        assertThat(r.out()).singleElement().asString().startsWith("export web: due, files kept (serial ")
                .contains("; the minimum issuance interval allows the next issuance at ");
    }

    @Test
    void vaultDownWithValidButDueFilesExitsZeroWithTheLineAndLeavesThemUntouched() throws IOException {
        issueDueCertificate();
        Map<String, String> before = DirectorySnapshot.of(root.resolve("web"));
        Map<String, FileTime> times = mtimes();
        settings.put("vault.address", "http://127.0.0.1:1");

        Result r = once("--once", "--export", "web");

        assertThat(r.status()).as("valid files afterwards: %s", r).isZero();
        assertThat(r.err()).singleElement().asString()
                .startsWith("export web: Vault cannot be reached [unreachable]: ")
                .contains("the current files stay, valid until ");
        assertThat(DirectorySnapshot.of(root.resolve("web"))).isEqualTo(before);
        assertThat(mtimes()).isEqualTo(times);
    }

    @Test
    void vaultDownWithCurrentFilesExitsZeroWithoutALine() {
        assertThat(once("--once").status()).isZero();
        settings.put("vault.address", "http://127.0.0.1:1");

        Result r = once("--once");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void vaultDownWithoutFilesExitsOneWithOneLinePerExport() {
        settings.put("vault.address", "http://127.0.0.1:1");

        Result r = once("--once");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("export web: Vault cannot be reached [unreachable]: "))
                .anySatisfy(l -> assertThat(l).startsWith("export root-ca: Vault cannot be reached [unreachable]: "));
        assertThat(root.resolve("web/cert.pem")).doesNotExist();
    }

    @Test
    void aMixedRunExitsOneWithExactlyTheFailingExportsLine() {
        web("outside", "shop.other.org"); // the role allows *.example.com only

        Result r = once("--once");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).singleElement().asString()
                .startsWith("export outside: Vault rejected the request [invalid_request]: Vault 400 on ");
        assertThat(root.resolve("web/cert.pem")).isRegularFile();
        assertThat(root.resolve("outside/cert.pem")).doesNotExist();
    }

    @Test
    void oldVersionsAreRemovedAsTheServiceRemovesThemSoCronRunsNeverPileThemUp() throws IOException {
        settings.put("exporter.files.grace", "0s");
        for (String name : List.of("a.example.com", "b.example.com", "c.example.com")) {
            settings.put("exporter.exports.web.common-name", name); // a changed spec re-issues at once
            assertThat(once("--once", "--export", "web").status()).isZero();
        }
        try (Stream<Path> entries = Files.list(root.resolve("web"))) {
            assertThat(entries.filter(p -> ExportLayout.isVersionName(p.getFileName().toString())))
                    .as("the current version and exporter.files.keep-versions (1) old one").hasSize(2);
        }
    }

    @Test
    void exportLimitsTheRunToTheNamedExports() {
        Result r = once("--once", "--export", "root-ca");

        assertThat(r.status()).isZero();
        assertThat(r.out()).singleElement().asString().startsWith("export root-ca: ");
        assertThat(root.resolve("root-ca/cert.pem")).isRegularFile();
        assertThat(root.resolve("web")).doesNotExist();
        assertThat(issuances()).isZero();
    }

    @Test
    void anUnknownExportNameExitsTwoNamingItBeforeAnythingIsWrittenOrAsked() {
        Result r = once("--once", "--export", "web", "--export", "nope");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).singleElement().asString().startsWith("vault-pki-exporter: usage error: --export: no export "
                + "named 'nope'").contains("known: root-ca, web");
        assertThat(vaultRequests()).isZero();
        assertThat(DirectorySnapshot.of(root)).containsOnlyKeys("");
    }

    @Test
    void aRunWithoutAnyExportIsAConfigurationErrorNotASilentSuccess() {
        settings.keySet().removeIf(k -> k.startsWith("exporter.exports."));

        Result r = once("--once");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).singleElement().asString().startsWith("vault-pki-exporter: configuration error: no export "
                + "to run: none is configured (exporter.exports.<name>.*) and none was created through the API under ");
    }

    @Test
    void anExportNameFromTheCommandLineIsOnlyComparedNeverUsedAsAPathNorEchoedRaw() {
        Map<String, String> before = DirectorySnapshot.of(root);

        Result r = once("--once", "--export", "../../etc/passwd\n\u001b[2Jforged", "--dry-run");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).singleElement().asString().contains("'../../etc/passwd?").doesNotContain("\u001b");
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void anExportRootThatCannotBeUsedExitsOneWithOneLine() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        settings.put("exporter.path", file.toString());

        Result r = once("--once");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).singleElement().asString().startsWith("vault-pki-exporter: cannot run: ");
        assertThat(vaultRequests()).isZero();
    }

    @Test
    void dryRunSaysWhatItWouldDoAndChangesNothing() {
        Map<String, String> before = DirectorySnapshot.of(root);

        Result r = once("--once", "--dry-run");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("export web: would issue (no files yet)",
                "export root-ca: would re-read (no files yet)",
                "dry run: nothing was asked of Vault and no file was changed");
        assertThat(vaultRequests()).isZero();
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void dryRunOverCurrentAndDueFilesSaysNothingToDoAndRenew() throws IOException {
        issueDueCertificate();
        assertThat(once("--once", "--export", "root-ca").status()).isZero();
        Map<String, String> before = DirectorySnapshot.of(root);
        vault.emulator().requests().clear();

        Result r = once("--once", "--dry-run");

        assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("export web: would renew (the renewal time has "
                        + "passed; current files valid until "))
                .anySatisfy(l -> assertThat(l).startsWith("export root-ca: nothing to do (files are current, valid until "));
        assertThat(vaultRequests()).isZero();
        assertThat(DirectorySnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void exportsCreatedThroughTheApiInTheDirectoryAreIncluded() {
        new SpecRepository(new ExportLayout(root), "pki_int").save(SpecCodec.fromMap("shop",
                Map.of("source", "issue", "role", "web", "common_name", "shop.example.com"), "pki_int"));

        Result r = once("--once");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("export shop: issued"));
        assertThat(root.resolve("shop/cert.pem")).isRegularFile();
    }

    @Test
    void aHookRunsAfterTheSwitchAndTheAuditLogRecordsTheRun() throws IOException {
        Path hookLog = root.getParent().resolve(root.getFileName() + "-hook.log");
        settings.put("exporter.hooks.reload.command[0]", "sh");
        settings.put("exporter.hooks.reload.command[1]", "-c");
        settings.put("exporter.hooks.reload.command[2]", "echo \"$EXPORT_HOOK $EXPORT_NAME $EXPORT_SERIAL\" >> '"
                + hookLog + "'");
        settings.put("exporter.exports.web.hook", "reload");

        assertThat(once("--once").status()).isZero();

        assertThat(Files.readString(hookLog).strip()).isEqualTo("reload web " + serial("web"));
        String audit = Files.readString(root.resolve(".state/audit.log"));
        assertThat(audit).contains("\"event\":\"vault.issue\"", "\"event\":\"file.switch\"", "\"event\":\"hook.run\"");
        Files.deleteIfExists(hookLog);
    }

    /** A daily renew window of one hour that opens three hours from now (UTC), so "now" is outside it. */
    private static String windowInThreeHours() {
        java.time.LocalTime start = java.time.LocalTime.now(java.time.ZoneOffset.UTC).plusHours(3).withSecond(0).withNano(0);
        return "daily " + start + "-" + start.plusHours(1) + " UTC";
    }

    @Test
    void aDueExportOutsideItsRenewWindowKeepsItsFilesAndSaysWhenTheWindowRenewsIt() throws IOException {
        settings.put("exporter.exports.web.renew-window", windowInThreeHours());
        issueDueCertificate();
        String serial = serial("web");
        vault.emulator().requests().clear();

        Result dry = once("--once", "--dry-run", "--export", "web");
        Result r = once("--once", "--export", "web");

        assertThat(dry.out()).anySatisfy(l -> assertThat(l).startsWith("export web: nothing to do before ")
                .endsWith("but its renew window opens then)"));
        assertThat(r.status()).as("%s", r).isZero();
        assertThat(serial("web")).isEqualTo(serial);
        assertThat(issuances()).isZero();
        assertThat(r.out()).anySatisfy(l -> assertThat(l).startsWith("export web: due, files kept (serial " + serial)
                .contains("; renews in its renew window at "));
    }

    private long revokeRequests() {
        return vault.emulator().requests().all().stream().filter(r -> r.path().endsWith("pki_int/revoke")).count();
    }

    @Test
    void revokePreviousRevokesTheReplacedCertificateAtTheEndOfTheRunThatReplacedIt() throws IOException {
        settings.put("exporter.exports.web.revoke-previous", "true");
        settings.put("exporter.files.grace", "0s"); // due at once: no reader to wait for
        issueDueCertificate();
        String replaced = serial("web");
        vault.emulator().requests().clear();

        Result r = once("--once", "--export", "web");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(serial("web")).isNotEqualTo(replaced);
        assertThat(revokeRequests()).isEqualTo(1);
        assertThat(r.out()).contains("revoke-previous: 1 replaced certificate(s) done, 0 still recorded for a later run "
                + "or the service");
    }

    @Test
    void aRevocationNotYetDueStaysRecordedAndTheRunNeverWaitsForIt() throws IOException {
        settings.put("exporter.exports.web.revoke-previous", "true");
        settings.put("exporter.files.grace", "1h");
        issueDueCertificate();
        vault.emulator().requests().clear();

        Result r = once("--once", "--export", "web");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(revokeRequests()).isZero();
        assertThat(r.out()).contains("revoke-previous: 0 replaced certificate(s) done, 1 still recorded for a later run "
                + "or the service");
        assertThat(root.resolve("web/..revocations.json")).isRegularFile();
    }

    @Test
    void aFailedRevocationIsAWarningLineAndNeverTheExitStatus() throws IOException {
        settings.put("exporter.exports.web.revoke-previous", "true");
        settings.put("exporter.files.grace", "0s");
        issueDueCertificate();
        String replaced = serial("web");
        vault.emulator().faults().failNext(".*pki_int/revoke", 1, 500, "internal error");

        Result r = once("--once", "--export", "web");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(r.err()).singleElement().asString().startsWith("export web: revoking " + replaced + " failed: ")
                .endsWith("(still recorded; the next run or the service retries it)");
    }

    @Test
    void itNeverOpensAPortEvenTheConfiguredOneWhileAnotherProcessHoldsIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            settings.put("micronaut.server.port", taken.getLocalPort());

            Result r = once("--once");

            assertThat(r.status()).as("a --once that bound its port would fail with the port in use: %s", r).isZero();
        }
    }

    @Test
    void apiTokenSecretsAreNeitherLoadedNorNeededSinceNothingIsServed() {
        settings.put("exporter.api.tokens[0].name", "deployer");
        settings.put("exporter.api.tokens[0].token-file", root.resolve("absent/deployer.token").toString());
        settings.put("exporter.api.tokens[0].scopes", "read");

        Result r = once("--once");

        assertThat(r.status()).as("an init container needs no API secret: %s", r).isZero();
    }

    @Test
    void aSecondOnceOnTheSameDirectoryFailsClearlyAfterTheLockWait() throws IOException {
        try (FileLock held = holdLock(root.resolve(".state/once.lock"))) {
            Instant started = Instant.now();

            Result r = once("--once", "--lock-wait", "300ms");

            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).singleElement().asString().isEqualTo("vault-pki-exporter: another --once run holds "
                    + root.resolve(".state/once.lock") + "; gave up after PT0.3S (--lock-wait)");
            assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(root.resolve("web")).doesNotExist();
            assertThat(vaultRequests()).isZero();
        }
    }

    @Test
    void aSecondOnceWaitsForTheFirstAndThenRuns() throws Exception {
        FileLock held = holdLock(root.resolve(".state/once.lock"));
        CompletableFuture<Result> second = CompletableFuture.supplyAsync(() -> once("--once", "--lock-wait", "60s"));
        // the run prepares the root (creating .state/locks) right before it waits for the lock
        Await.until("the second run at the lock", Duration.ofSeconds(30),
                () -> second.isDone() || Files.isDirectory(root.resolve(".state/locks")));
        assertThat(second).as("still waiting while the first run holds the lock").isNotDone();
        assertThat(root.resolve("web")).as("nothing written while waiting").doesNotExist();
        held.channel().close();

        Result r = second.get();

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(root.resolve("web/cert.pem")).isRegularFile();
    }

    @Test
    void anExporterWritingTheSameExportMakesOnceWaitForThatExportsLock() throws Exception {
        FileLock held = holdLock(root.resolve(".state/locks/web.lock"));
        CompletableFuture<Result> once = CompletableFuture.supplyAsync(() -> once("--once", "--export", "web"));
        Await.until("the run reaching the export's lock", Duration.ofSeconds(20),
                () -> once.isDone() || issuances() > 0);
        assertThat(root.resolve("web/cert.pem")).as("never written while the other writer holds it").doesNotExist();
        held.channel().close();

        Result r = once.get();

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(root.resolve("web/cert.pem")).isRegularFile();
    }

    /** A lock on {@code file} held by this JVM, which the run sees as held by another process. */
    private static FileLock holdLock(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return channel.lock();
    }
}

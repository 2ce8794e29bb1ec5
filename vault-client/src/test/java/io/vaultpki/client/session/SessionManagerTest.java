package io.vaultpki.client.session;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.AppRoleAuthOptions;
import io.vaultpki.client.auth.AppRoleAuthentication;
import io.vaultpki.client.auth.CredentialSupplier;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.auth.TokenFileAuthentication;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.auth.VaultLoginException;
import io.vaultpki.client.event.RecordingListener;
import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.http.VaultTransport;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionManagerTest {

    private static final Duration TTL = Duration.ofMinutes(30);
    private static final Duration TWO_THIRDS = Duration.ofMinutes(20);

    private VaultEmulator emu;
    private MutableClock clock;
    private VaultTransport transport;
    private CapturingScheduler scheduler;
    private RecordingListener events;
    private final List<SessionManager> sessions = new ArrayList<>();
    private int mounts;

    @TempDir
    Path dir;

    /** An AppRole login on its own mount, so each test counts its own logins. */
    private record AppRole(AppRoleAuthentication auth, String mount, String secretId) {
    }

    @BeforeAll
    void startEmulator() {
        // a frozen base: only advance() moves time, so TTLs and delays are exact
        emu = VaultEmulator.builder().clock(new MutableClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC))).start();
        clock = emu.clock();
        transport = new JdkVaultTransport(VaultSettings.builder().address(emu.url())
                .retry(RetrySettings.defaults().withMaxAttempts(1)).build());
    }

    @AfterAll
    void stopEmulator() {
        transport.close();
        emu.close();
    }

    @BeforeEach
    void freshScheduler() {
        scheduler = new CapturingScheduler();
        events = new RecordingListener();
    }

    @AfterEach
    void closeSessions() {
        sessions.forEach(SessionManager::close);
        sessions.clear();
    }

    private AppRole appRole(TokenSpec spec) {
        String mount = "approle-" + (++mounts);
        String roleId = "role-id-" + mounts;
        String secretId = "secret-id-" + UUID.randomUUID();
        emu.auth().appRole(mount).role("monitor", roleId, secretId, spec);
        return new AppRole(new AppRoleAuthentication(new AppRoleAuthOptions(mount, roleId, CredentialSupplier.of(secretId))),
                mount, secretId);
    }

    private long logins(AppRole role) {
        return emu.requests().count("POST", "auth/" + role.mount() + "/login");
    }

    private SessionManager session(VaultAuthentication auth) {
        return session(auth, false);
    }

    private SessionManager session(VaultAuthentication auth, boolean allowRoot) {
        var s = new SessionManager(transport, auth, SessionOptions.builder().clock(clock).scheduler(scheduler)
                .listener(events).allowRootToken(allowRoot).build());
        sessions.add(s);
        return s;
    }

    private void runPendingAfter(Duration expectedDelay) {
        assertThat(scheduler.pending().delay()).isEqualTo(expectedDelay);
        clock.advance(expectedDelay);
        scheduler.runPending();
    }

    @Test
    void logsInLazilyAndLearnsTheTokenFromLookupSelf() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = session(role.auth());
        assertThat(logins(role)).isZero();

        VaultToken token = session.currentToken();

        TokenInfo info = session.tokenInfo().orElseThrow();
        assertThat(info.accessor()).isNotEmpty().isEqualTo(token.accessor());
        assertThat(info.policies()).contains("pki-read", "default");
        assertThat(info.ttl()).isEqualTo(TTL);
        assertThat(info.renewable()).isTrue();
        assertThat(info.path()).isEqualTo("auth/" + role.mount() + "/login");
        assertThat(info.expireTime().toInstant()).isEqualTo(clock.instant().plus(TTL));
        assertThat(logins(role)).isEqualTo(1);
        assertThat(events.of(VaultClientEvent.LoginSucceeded.class)).singleElement()
                .isEqualTo(new VaultClientEvent.LoginSucceeded("approle", token.accessor(), TTL));
    }

    @Test
    void sixteenConcurrentCallersShareASingleLogin() throws Exception {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = session(role.auth());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<VaultToken>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return session.currentToken();
                }));
            }
            start.countDown();
            VaultToken first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<VaultToken> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(logins(role)).isEqualTo(1);
    }

    @Test
    void manyRequestsCauseOneLoginPerTokenLifetime() {
        var role = appRole(TokenSpec.builder().policies("pki-read").ttl(TTL).renewable(false).build());
        var session = session(role.auth());

        VaultToken first = session.currentToken();
        for (int i = 0; i < 1000; i++) {
            assertThat(session.currentToken()).isEqualTo(first);
        }
        assertThat(logins(role)).isEqualTo(1);

        clock.advance(TTL.plusSeconds(1));
        VaultToken second = session.currentToken();
        for (int i = 0; i < 1000; i++) {
            session.currentToken();
        }
        assertThat(second).isNotEqualTo(first);
        assertThat(logins(role)).isEqualTo(2);
    }

    @Test
    void renewsAtTwoThirdsOfTheTtlAndKeepsTheToken() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = session(role.auth());
        VaultToken token = session.currentToken();

        runPendingAfter(TWO_THIRDS);

        assertThat(emu.requests().count("POST", "auth/token/renew-self")).isGreaterThanOrEqualTo(1);
        assertThat(events.of(VaultClientEvent.TokenRenewed.class)).singleElement()
                .isEqualTo(new VaultClientEvent.TokenRenewed(token.accessor(), TTL));
        assertThat(scheduler.pending().delay()).isEqualTo(TWO_THIRDS);
        clock.advance(Duration.ofMinutes(25));
        assertThat(session.currentToken()).isEqualTo(token);
        assertThat(logins(role)).isEqualTo(1);
    }

    @Test
    void logsInAgainWhenTheTokenIsNotRenewable() {
        var role = appRole(TokenSpec.builder().policies("pki-read").ttl(TTL).renewable(false).build());
        var session = session(role.auth());
        VaultToken first = session.currentToken();

        runPendingAfter(TWO_THIRDS);

        assertThat(logins(role)).isEqualTo(2);
        assertThat(session.currentToken()).isNotEqualTo(first);
        assertThat(scheduler.pending().delay()).isEqualTo(TWO_THIRDS);
    }

    @Test
    void logsInAgainWhenABatchTokenNearsItsExpiry() {
        var role = appRole(TokenSpec.builder().policies("pki-read").ttl(TTL).batch().build());
        var session = session(role.auth());
        VaultToken first = session.currentToken();
        long renewalsBefore = emu.requests().count("POST", "auth/token/renew-self");

        runPendingAfter(TWO_THIRDS);

        assertThat(emu.requests().count("POST", "auth/token/renew-self")).isEqualTo(renewalsBefore);
        assertThat(session.currentToken()).isNotEqualTo(first);
        assertThat(logins(role)).isEqualTo(2);
    }

    @Test
    void logsInAgainWhenRenewalIsDenied() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = session(role.auth());
        VaultToken first = session.currentToken();
        emu.faults().failNext("auth/token/renew-self", 1, 400, "lease is not renewable");

        runPendingAfter(TWO_THIRDS);

        assertThat(events.of(VaultClientEvent.TokenRenewalFailed.class)).singleElement().asString()
                .contains("lease is not renewable").contains(first.accessor());
        assertThat(logins(role)).isEqualTo(2);
        assertThat(session.currentToken()).isNotEqualTo(first);
    }

    @Test
    void logsInAgainBeforeTheMaxTtlWhenRenewalIsCapped() {
        var role = appRole(TokenSpec.builder().policies("pki-read").ttl(TTL).maxTtl(Duration.ofMinutes(40)).build());
        var session = session(role.auth());
        VaultToken first = session.currentToken();

        runPendingAfter(TWO_THIRDS);
        // renewed to the 40 minute cap: 20 minutes left, renewing again could not reach the next renewal point
        assertThat(events.of(VaultClientEvent.TokenRenewed.class)).singleElement()
                .extracting(VaultClientEvent.TokenRenewed::ttl).isEqualTo(Duration.ofMinutes(20));
        runPendingAfter(Duration.ofMinutes(20).multipliedBy(2).dividedBy(3));

        assertThat(logins(role)).isEqualTo(2);
        VaultToken second = session.currentToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(emu.tokens().lookup(second.reveal())).isPresent();
    }

    @Test
    void logsInAgainWhenTheTokenIsRevokedInVault() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = session(role.auth());
        VaultToken first = session.currentToken();
        emu.tokens().revoke(first.reveal());

        assertThat(session.handlePermissionDenied(first)).isTrue();

        VaultToken second = session.currentToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(logins(role)).isEqualTo(2);
        assertThat(events.of(VaultClientEvent.TokenExpired.class)).singleElement()
                .isEqualTo(new VaultClientEvent.TokenExpired(first.accessor()));
        // a second caller holding the old token is told to retry, without another login
        assertThat(session.handlePermissionDenied(first)).isTrue();
        assertThat(logins(role)).isEqualTo(2);
    }

    @Test
    void aPolicyDenialKeepsTheToken() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = session(role.auth());
        VaultToken token = session.currentToken();

        assertThat(session.handlePermissionDenied(token)).isFalse();

        assertThat(session.currentToken()).isEqualTo(token);
        assertThat(logins(role)).isEqualTo(1);
    }

    @Test
    void aTokenWithoutTheDefaultPolicyIsKeptAndItsDenialsAreTreatedAsPolicyProblems() {
        var role = appRole(TokenSpec.builder().policies("pki-read").ttl(TTL).noDefaultPolicy(true).build());
        var session = session(role.auth());

        VaultToken token = session.currentToken();

        assertThat(session.tokenInfo()).isEmpty();
        assertThat(session.handlePermissionDenied(token)).isFalse();
        assertThat(session.currentToken()).isEqualTo(token);
        assertThat(logins(role)).isEqualTo(1);
        // the TTL from the login answer still drives renewal
        assertThat(scheduler.pending().delay()).isEqualTo(TWO_THIRDS);
    }

    @Test
    void refusesARootTokenAndSaysHowToAllowIt() {
        var session = session(new TokenAuthentication(VaultToken.of(emu.rootToken())));

        assertThatThrownBy(session::currentToken)
                .isInstanceOf(RootTokenRefusedException.class)
                .hasMessageContaining("least-privilege")
                .hasMessageContaining("vault.allow-root-token=true")
                .hasMessageNotContaining(emu.rootToken());
        assertThat(events.of(VaultClientEvent.RootTokenRefused.class)).hasSize(1);
    }

    @Test
    void acceptsARootTokenWhenAllowed() {
        var session = session(new TokenAuthentication(VaultToken.of(emu.rootToken())), true);

        assertThat(session.currentToken().reveal()).isEqualTo(emu.rootToken());
        assertThat(session.tokenInfo().orElseThrow().isRoot()).isTrue();
        assertThat(scheduler.hasPending()).isFalse();
    }

    @Test
    void aFixedTokenIsRenewedUntilItDiesThenCallsFailClearly() {
        String fixed = emu.tokens().create(TokenSpec.builder().policies("pki-read").ttl(TTL)
                .maxTtl(Duration.ofMinutes(40)).build());
        var session = session(new TokenAuthentication(VaultToken.of(fixed)));
        VaultToken token = session.currentToken();

        runPendingAfter(TWO_THIRDS);
        assertThat(events.of(VaultClientEvent.TokenRenewed.class)).hasSize(1);
        assertThat(scheduler.hasPending()).isTrue();

        clock.advance(Duration.ofMinutes(21));
        assertThatThrownBy(session::currentToken)
                .isInstanceOf(VaultLoginException.class)
                .hasMessageContaining("expired or was revoked")
                .hasMessageContaining(token.accessor())
                .hasMessageNotContaining(fixed);
    }

    @Test
    void adoptsANewTokenWhenTheTokenFileIsRewritten() throws Exception {
        Path file = dir.resolve("vault_token");
        String first = emu.tokens().create(TokenSpec.of(TTL, "pki-read"));
        Files.writeString(file, first + "\n");
        var session = session(new TokenFileAuthentication(file));
        assertThat(session.currentToken().reveal()).isEqualTo(first);

        String second = emu.tokens().create(TokenSpec.of(TTL, "pki-read"));
        Files.writeString(file, second + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(30)));

        assertThat(session.currentToken().reveal()).isEqualTo(second);
        assertThat(session.tokenInfo().orElseThrow().accessor()).isEqualTo(emu.tokens().lookup(second)
                .orElseThrow().accessor());
    }

    @Test
    void failedLoginsBackOffInsteadOfHammeringVault() {
        String mount = "approle-" + (++mounts);
        emu.auth().appRole(mount).role("monitor", "role-id-x", "the-right-secret", TokenSpec.of(TTL, "pki-read"));
        var role = new AppRole(new AppRoleAuthentication(new AppRoleAuthOptions(mount, "role-id-x",
                CredentialSupplier.of("wrong-secret-id-value"))), mount, "wrong-secret-id-value");
        var session = session(role.auth());

        assertThatThrownBy(session::currentToken).isInstanceOf(VaultLoginException.class)
                .hasMessageContaining("approle").hasMessageNotContaining("wrong-secret-id-value");
        assertThatThrownBy(session::currentToken).isInstanceOf(VaultLoginException.class);
        assertThat(logins(role)).isEqualTo(1);

        clock.advance(SessionOptions.DEFAULT_LOGIN_BACKOFF);
        assertThatThrownBy(session::currentToken).isInstanceOf(VaultLoginException.class);
        assertThat(logins(role)).isEqualTo(2);
        assertThat(events.of(VaultClientEvent.LoginFailed.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.method()).isEqualTo("approle"));
    }

    @Test
    void closeRevokesOnlyTokensItLoggedInItself() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var loggedIn = session(role.auth());
        String own = loggedIn.currentToken().reveal();
        String given = emu.tokens().create(TokenSpec.of(TTL, "pki-read"));
        var fixed = session(new TokenAuthentication(VaultToken.of(given)));
        fixed.currentToken();

        loggedIn.close();
        fixed.close();

        assertThat(emu.tokens().lookup(own)).isEmpty();
        assertThat(emu.tokens().lookup(given)).isPresent();
        assertThatThrownBy(loggedIn::currentToken).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noTokenOrSecretIdReachesALogLineOrAnExceptionMessage() {
        var role = appRole(TokenSpec.builder().policies("pki-read").ttl(TTL).maxTtl(Duration.ofMinutes(40)).build());
        List<String> secrets = new ArrayList<>(List.of(role.secretId()));
        List<String> messages = new ArrayList<>();
        try (var logs = new LogCapture()) {
            var session = session(role.auth());
            VaultToken first = session.currentToken();
            secrets.add(first.reveal());
            runPendingAfter(TWO_THIRDS);
            scheduler.runPending();
            VaultToken second = session.currentToken();
            secrets.add(second.reveal());
            emu.tokens().revoke(second.reveal());
            session.handlePermissionDenied(second);
            secrets.add(session.currentToken().reveal());
            session.close();

            var wrong = new AppRoleAuthentication(new AppRoleAuthOptions(role.mount(), "role-id-" + mounts,
                    CredentialSupplier.of("secret-id-that-is-wrong")));
            secrets.add("secret-id-that-is-wrong");
            try {
                session(wrong).currentToken();
            } catch (VaultLoginException e) {
                messages.add(e.getMessage());
            }
            messages.addAll(logs.lines());
            events.events().forEach(e -> messages.add(e.toString()));
        }
        assertThat(messages).isNotEmpty();
        for (String secret : secrets) {
            assertThat(messages).noneMatch(m -> m.contains(secret));
        }
    }

    @Test
    void retriesARenewalLaterWhenVaultIsBrieflyUnavailable() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = session(role.auth());
        VaultToken token = session.currentToken();
        emu.faults().failNext("auth/token/renew-self", 1, 500, "internal error");

        runPendingAfter(TWO_THIRDS);
        assertThat(events.of(VaultClientEvent.TokenRenewalFailed.class)).hasSize(1);
        // ten minutes were left: try again halfway to the expiry, keep the token meanwhile
        runPendingAfter(Duration.ofMinutes(5));

        assertThat(events.of(VaultClientEvent.TokenRenewed.class)).hasSize(1);
        assertThat(session.currentToken()).isEqualTo(token);
        assertThat(logins(role)).isEqualTo(1);
    }

    @Test
    void keepsTheCurrentTokenWhenABackgroundLoginFailsAndRetriesAfterTheBackOff() {
        var role = appRole(TokenSpec.builder().policies("pki-read").ttl(TTL).renewable(false).build());
        var session = session(role.auth());
        VaultToken first = session.currentToken();
        emu.faults().failNext("auth/" + role.mount() + "/login", 1, 500, "internal error");

        runPendingAfter(TWO_THIRDS);

        assertThat(logins(role)).isEqualTo(2);
        assertThat(session.currentToken()).isEqualTo(first);
        assertThat(logins(role)).isEqualTo(2);
        clock.advance(SessionOptions.DEFAULT_LOGIN_BACKOFF);
        assertThat(session.currentToken()).isNotEqualTo(first);
        assertThat(logins(role)).isEqualTo(3);
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheSession() {
        var role = appRole(TokenSpec.of(TTL, "pki-read"));
        var session = new SessionManager(transport, role.auth(), SessionOptions.builder().clock(clock)
                .scheduler(scheduler).listener(event -> {
                    throw new IllegalStateException("listener bug");
                }).build());
        sessions.add(session);

        assertThat(session.currentToken()).isNotNull();
        runPendingAfter(TWO_THIRDS);
        assertThat(session.currentToken()).isNotNull();
    }

    @Test
    void theDefaultSchedulerRenewsOnItsOwnThread() throws Exception {
        var role = appRole(TokenSpec.of(Duration.ofSeconds(3), "pki-read"));
        var renewed = new java.util.concurrent.CompletableFuture<VaultClientEvent.TokenRenewed>();
        var session = new SessionManager(transport, role.auth(), SessionOptions.builder().clock(clock)
                .listener(event -> {
                    if (event instanceof VaultClientEvent.TokenRenewed r) {
                        renewed.complete(r);
                    }
                }).build());
        sessions.add(session);

        VaultToken token = session.currentToken();

        assertThat(renewed.get(15, TimeUnit.SECONDS).accessor()).isEqualTo(token.accessor());
    }
}

package io.vaultpki.client.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vaultpki.client.VaultException;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.LoginToken;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultTransport;
import io.vaultpki.client.pki.IssueRequest;
import io.vaultpki.client.pki.IssuedCertificate;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.pki.PkiMount;
import io.vaultpki.emulator.pki.RoleSpec;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultClientTest {

    private VaultEmulator emu;
    private EmulatorLogin login;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    /** Logs in by minting a fresh emulator token with the {@code pki-user} policy; counts logins. */
    private final class EmulatorLogin implements VaultAuthentication {
        final List<String> tokens = new CopyOnWriteArrayList<>();

        @Override
        public LoginToken login(VaultTransport transport) {
            String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "pki-user"));
            tokens.add(token);
            return LoginToken.ofStatic(VaultToken.of(token));
        }

        @Override
        public String method() {
            return "emulator";
        }
    }

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().start();
        PkiMount pki = emu.pki().enable("pki");
        pki.generateRoot(IssuerSpec.named("root").commonName("Client Test Root"));
        pki.role(RoleSpec.named("web").allowedDomains("example.com").allowSubdomains(true));
        emu.pki().enable("other");
        emu.policies().put("pki-user", Policy.builder().path("pki/*", "read", "list", "update").build());
        logs.start();
        rootLogger.addAppender(logs);
        previousLevel = rootLogger.getLevel();
        rootLogger.setLevel(Level.DEBUG);
    }

    @AfterAll
    void stop() {
        rootLogger.detachAppender(logs);
        rootLogger.setLevel(previousLevel);
        emu.close();
    }

    @BeforeEach
    void newLogin() {
        login = new EmulatorLogin();
    }

    @AfterEach
    void clearFaults() {
        emu.faults().clear();
    }

    private VaultClient client() {
        return VaultClient.builder().settings(VaultSettings.builder().address(emu.url()).build())
                .authentication(login).build();
    }

    @Test
    void logsInLazilyOnTheFirstAuthenticatedRequest() {
        try (VaultClient vault = client()) {
            assertThat(login.tokens).isEmpty();

            List<IssuerSummary> issuers = vault.pki("pki").listIssuers();

            assertThat(issuers).extracting(IssuerSummary::name).containsExactly("root");
            assertThat(login.tokens).hasSize(1);
        }
    }

    @Test
    void healthNeedsNoLogin() {
        try (VaultClient vault = VaultClient.create(VaultSettings.builder().address(emu.url()).build(), login)) {
            assertThat(vault.sys().health().isActive()).isTrue();
            assertThat(login.tokens).isEmpty();
        }
    }

    @Test
    void logsInAgainAndRetriesOnceWhenTheTokenWasRevoked() {
        try (VaultClient vault = client()) {
            vault.pki("pki").listRoles();
            emu.tokens().revoke(login.tokens.get(0));

            assertThat(vault.pki("pki").listRoles()).containsExactly("web");
            assertThat(login.tokens).hasSize(2);
        }
    }

    @Test
    void aPolicyDenialIsThrownWithoutLoggingInAgain() {
        try (VaultClient vault = client()) {
            assertThatThrownBy(() -> vault.pki("other").listRoles())
                    .isInstanceOf(VaultPermissionDeniedException.class)
                    .hasMessageContaining("[LIST other/roles]");
            assertThat(login.tokens).hasSize(1);
        }
    }

    @Test
    void exposesItsSettingsAndSession() {
        VaultSettings settings = VaultSettings.builder().address(emu.url()).build();
        try (VaultClient vault = VaultClient.create(settings, login)) {
            assertThat(vault.settings()).isSameAs(settings);
            assertThat(vault.session().currentToken().reveal()).isEqualTo(login.tokens.get(0));
            assertThat(vault.toString()).contains(emu.url().toString());
        }
    }

    @Test
    void neverLogsOrThrowsATokenOrAPrivateKey() {
        List<String> messages = new ArrayList<>();
        IssuedCertificate issued;
        try (VaultClient vault = client()) {
            issued = vault.pki("pki").issue("web", IssueRequest.of("leak.example.com"));
            messages.add(issued.toString());
            messages.add(String.valueOf(issued.privateKey().orElseThrow()));
            emu.tokens().revoke(login.tokens.get(0));
            vault.pki("pki").listCertificates();
            for (Runnable failing : List.<Runnable>of(
                    () -> vault.pki("other").listRoles(),
                    () -> vault.pki("pki").issue("nope", IssueRequest.of("x.example.com")),
                    () -> vault.pki("pki").readIssuer("missing"))) {
                try {
                    failing.run();
                } catch (VaultException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.add(String.valueOf(t.getMessage()));
                        messages.add(t.toString());
                    }
                }
            }
            messages.add(vault.session().currentToken().toString());
        }
        logs.list.forEach(e -> messages.add(e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())));
        String key = issued.privateKey().orElseThrow().reveal();
        String keyBody = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();

        assertThat(login.tokens).hasSize(2);
        assertThat(logs.list).isNotEmpty();
        for (String token : login.tokens) {
            assertThat(messages).noneSatisfy(m -> assertThat(m).contains(token));
        }
        assertThat(messages).noneSatisfy(m -> assertThat(m).contains(emu.rootToken()));
        assertThat(messages).noneSatisfy(m -> assertThat(m).contains(keyBody));
        assertThat(messages).noneSatisfy(m -> assertThat(m).contains("PRIVATE KEY"));
    }
}

package io.vaultpki.client.sys;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.StandbyMode;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SysOperationsTest {

    private VaultEmulator emu;
    private JdkVaultTransport transport;
    private JdkVaultTransport plain;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().flavor(Flavor.OPENBAO).start();
        transport = new JdkVaultTransport(VaultSettings.builder().address(emu.url()).namespace("ns1/").build());
        plain = new JdkVaultTransport(VaultSettings.builder().address(emu.url()).build());
        emu.pki().enable("pki");
        emu.pki().enable("team/a/pki");
        emu.policies().put("team-a-reader", Policy.builder().path("team/a/pki/*", "read", "list").build());
    }

    @AfterAll
    void stop() {
        transport.close();
        plain.close();
        emu.close();
    }

    @AfterEach
    void clear() {
        emu.faults().clear();
    }

    private SysOperations sys(String token) {
        VaultToken t = VaultToken.of(token);
        VaultExecutor executor = request -> transport.execute(request, request.authenticated() ? t : null);
        return new SysOperations(executor);
    }

    @Test
    void reportsAnActiveNode() {
        HealthStatus h = sys(emu.rootToken()).health();

        assertThat(h.isActive()).isTrue();
        assertThat(h.initialized()).isTrue();
        assertThat(h.version()).isEqualTo("2.3.1");
    }

    @Test
    void reportsASealedNodeWithoutAnError() {
        emu.faults().seal();

        HealthStatus h = sys(emu.rootToken()).health();

        assertThat(h.sealed()).isTrue();
        assertThat(h.isActive()).isFalse();
        assertThat(sys(emu.rootToken()).sealStatus().sealed()).isTrue();
    }

    @Test
    void reportsAStandbyWithoutAnError() {
        emu.faults().standby(StandbyMode.FORWARD);

        assertThat(sys(emu.rootToken()).health().standby()).isTrue();
    }

    @Test
    void healthAsksForA2xxInEveryStateAndNeverSendsTheNamespace() {
        emu.requests().clear();
        sys(emu.rootToken()).health();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emu.requests().count("GET", "sys/health") == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(emu.requests().all()).filteredOn(e -> e.path().equals("sys/health")).singleElement()
                .satisfies(e -> {
                    assertThat(e.namespace()).isEmpty();
                    assertThat(e.tokenPresent()).isFalse();
                    assertThat(e.status()).isBetween(200, 299);
                });
        assertThat(SysOperations.HEALTH_QUERY).containsEntry("sealedcode", "299").containsEntry("standbycode", "299")
                .containsEntry("uninitcode", "299");
    }

    @Test
    void readsTheSealStatus() {
        SealStatus s = sys(emu.rootToken()).sealStatus();

        assertThat(s.sealed()).isFalse();
        assertThat(s.initialized()).isTrue();
        assertThat(s.type()).isNotEmpty();
    }

    @Test
    void listsPkiMountsFromSysMounts() {
        List<SecretsMount> mounts = rootNamespaceSys(emu.rootToken()).listPkiMounts();

        assertThat(mounts).extracting(SecretsMount::path).containsExactly("pki/", "team/a/pki/");
        assertThat(mounts).allSatisfy(m -> {
            assertThat(m.type()).isEqualTo("pki");
            assertThat(m.accessor()).startsWith("pki_");
        });
    }

    @Test
    void aMountsPassthroughHeadersComeFromItsTune() {
        emu.mounts().tune("", "team/a/pki", List.of("If-Modified-Since"), List.of("Last-Modified"));
        try {
            List<SecretsMount> mounts = rootNamespaceSys(emu.rootToken()).listPkiMounts();

            assertThat(mounts).filteredOn(m -> m.path().equals("team/a/pki/")).singleElement().satisfies(m -> {
                assertThat(m.passthroughRequestHeaders()).containsExactly("If-Modified-Since");
                assertThat(m.passesThrough("if-modified-since")).isTrue();
            });
            assertThat(mounts).filteredOn(m -> m.path().equals("pki/")).singleElement()
                    .satisfies(m -> assertThat(m.passesThrough("If-Modified-Since")).isFalse());
        } finally {
            emu.mounts().tune("", "team/a/pki", List.of(), List.of());
        }
    }

    @Test
    void fallsBackToTheUiMountsListingWhenSysMountsIsDeniedAndLogsItOnce() {
        String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "team-a-reader"));
        Logger logger = (Logger) LoggerFactory.getLogger(SysOperations.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            SysOperations sys = rootNamespaceSys(token);

            List<SecretsMount> first = sys.listPkiMounts();
            List<SecretsMount> second = sys.listPkiMounts();

            assertThat(first).extracting(SecretsMount::path).containsExactly("team/a/pki/");
            assertThat(second).isEqualTo(first);
            assertThat(appender.list).filteredOn(e -> e.getFormattedMessage().contains("sys/internal/ui/mounts"))
                    .hasSize(1).allSatisfy(e -> assertThat(e.getLevel().toString()).isEqualTo("INFO"));
            assertThat(appender.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(token));
        } finally {
            logger.detachAppender(appender);
        }
    }

    private SysOperations rootNamespaceSys(String token) {
        VaultToken t = VaultToken.of(token);
        return new SysOperations(request -> plain.execute(request, request.authenticated() ? t : null));
    }
}

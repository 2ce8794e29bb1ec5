package io.vaultpki.client.sys;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.failure.FailureClassifier;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.emulator.MountTune;
import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SysOperations#readMountTune} against the emulator over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MountTuneReadTest {

    private VaultEmulator emu;
    private JdkVaultTransport transport;

    @BeforeAll
    void start() {
        emu = VaultEmulator.builder().start();
        transport = new JdkVaultTransport(VaultSettings.builder().address(emu.url()).build());
        emu.pki().enable("team/a/pki");
        emu.pki().enable("bare");
        emu.mounts().tune("", "team/a/pki", new MountTune(List.of("If-Modified-Since"),
                List.of("Last-Modified", "Replay-Nonce"), List.of("csr"), List.of("certificate")));
        emu.policies().put("no-tune", Policy.builder().path("sys/mounts/*", "deny").build());
    }

    @AfterAll
    void stop() {
        transport.close();
        emu.close();
    }

    private SysOperations sys(String token) {
        VaultToken t = VaultToken.of(token);
        VaultExecutor executor = request -> transport.execute(request, t);
        return new SysOperations(executor);
    }

    @Test
    void readMountTuneReturnsTheAuditKeysHeadersAndTtls() {
        io.vaultpki.client.sys.MountTune read = sys(emu.rootToken()).readMountTune("/team/a/pki/");

        assertThat(read.auditNonHmacRequestKeys()).containsExactly("csr");
        assertThat(read.auditNonHmacResponseKeys()).containsExactly("certificate");
        assertThat(read.passthroughRequestHeaders()).containsExactly("If-Modified-Since");
        assertThat(read.allowedResponseHeaders()).containsExactly("Last-Modified", "Replay-Nonce");
        assertThat(read.defaultLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(read.maxLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(read.listingVisibility()).isEmpty();
    }

    @Test
    void anUntunedMountHasEmptyLists() {
        io.vaultpki.client.sys.MountTune read = sys(emu.rootToken()).readMountTune("bare");
        assertThat(read.auditNonHmacRequestKeys()).isEmpty();
        assertThat(read.allowedResponseHeaders()).isEmpty();
    }

    @Test
    void aTokenDeniedTheTunePathGetsAPermissionDeniedFailure() {
        String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "no-tune"));
        assertThatThrownBy(() -> sys(token).readMountTune("bare"))
                .isInstanceOfSatisfying(VaultPermissionDeniedException.class, e -> {
                    assertThat(e.getMessage()).contains("sys/mounts/bare/tune");
                    assertThat(FailureClassifier.classify(e)).isEqualTo(FailureReason.PERMISSION_DENIED);
                });
    }

    @Test
    void anUnknownMountIsVaults400AndAPathEscapeIsRefused() {
        assertThatThrownBy(() -> sys(emu.rootToken()).readMountTune("nothing"))
                .isInstanceOfSatisfying(VaultResponseException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> sys(emu.rootToken()).readMountTune("../auth"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sys(emu.rootToken()).readMountTune(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

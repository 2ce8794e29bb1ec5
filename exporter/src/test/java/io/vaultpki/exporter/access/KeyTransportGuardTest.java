package io.vaultpki.exporter.access;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTransportGuardTest {

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text); // literal addresses only: no DNS lookup
    }

    @Test
    void plainHttpKeyDownloadFromARemoteAddressIsRefused() throws Exception {
        assertThat(new KeyTransportGuard(false).permits(false, ip("10.1.2.3"))).isFalse();
        assertThat(new KeyTransportGuard(false).permits(false, ip("2001:db8::1"))).isFalse();
    }

    @Test
    void plainHttpFromLoopbackIsAllowed() throws Exception {
        assertThat(new KeyTransportGuard(false).permits(false, ip("127.0.0.1"))).isTrue();
        assertThat(new KeyTransportGuard(false).permits(false, ip("::1"))).isTrue();
    }

    @Test
    void tlsIsAllowedFromAnywhere() throws Exception {
        assertThat(new KeyTransportGuard(false).permits(true, ip("10.1.2.3"))).isTrue();
    }

    @Test
    void unknownPeerOverPlainHttpIsRefused() {
        assertThat(new KeyTransportGuard(false).permits(false, null)).isFalse();
    }

    @Test
    void explicitSettingAllowsInsecureTransport() throws Exception {
        assertThat(new KeyTransportGuard(true).permits(false, ip("10.1.2.3"))).isTrue();
    }
}

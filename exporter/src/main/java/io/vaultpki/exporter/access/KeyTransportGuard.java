package io.vaultpki.exporter.access;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.InetAddress;

/**
 * Keeps private keys off the wire in clear text: a key download is allowed over TLS, to a loopback peer (a sidecar
 * on the same host or pod), or anywhere only when {@code exporter.api.allow-insecure-key-transport} is set (for
 * deployments that terminate TLS in front of the exporter). Forwarded-for headers are never trusted here: any
 * client could send one.
 */
@Singleton
public class KeyTransportGuard {

    private final boolean allowInsecure;

    @Inject
    public KeyTransportGuard(ApiConfiguration configuration) {
        this(configuration.allowInsecureKeyTransport());
    }

    public KeyTransportGuard(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    /**
     * @param secure whether the request came over TLS
     * @param peer   the connection's remote address; {@code null} when unknown (refused unless TLS or allowed)
     */
    public boolean permits(boolean secure, InetAddress peer) {
        return secure || allowInsecure || peer != null && peer.isLoopbackAddress();
    }
}

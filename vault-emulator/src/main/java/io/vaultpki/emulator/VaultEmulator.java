package io.vaultpki.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.token.TokenBackend;
import io.vaultpki.emulator.token.TokenStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Vault / OpenBao server on 127.0.0.1, faithful to Vault's HTTP API wherever the client depends on
 * it (what it reproduces and the source of each fact: docs/vault-compatibility.md#emulator-request-pipeline and the
 * sections after it). Start one per test class:
 * <pre>{@code
 * try (var emu = VaultEmulator.builder().flavor(Flavor.VAULT).start()) {
 *     emu.pki().enable("pki");
 *     String token = emu.tokens().create(TokenSpec.of(Duration.ofHours(1), "monitor"));
 * }
 * }</pre>
 */
public final class VaultEmulator implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and the client's delayed ACK
        // every keep-alive response then waits ~40 ms. Read once by sun.net.httpserver.ServerConfig.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Flavor flavor;
    private final MutableClock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorTls tls;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private final MountTable mounts;
    private final Namespaces namespaces;
    private final PkiEngines pki;
    private final AuthMethods auth;
    private final Faults faults;
    private final RequestLog requests;
    private final String rootToken;
    private final URI url;

    private VaultEmulator(Builder b) {
        this.flavor = b.flavor;
        this.clock = b.clock;
        this.tokens = new TokenStore(clock);
        this.policies = new PolicyStore();
        this.mounts = new MountTable();
        this.namespaces = new Namespaces(b.flavor == Flavor.OPENBAO || b.enterpriseNamespaces, mounts);
        this.faults = new Faults();
        this.requests = new RequestLog(b.requestLogLimit);
        this.tls = b.tls || b.requireClientCertificate ? EmulatorTls.generate(b.tlsServerName) : null;
        mounts.defaultBackends(new SysBackend(mounts, policies, flavor, b.version), new TokenBackend(tokens));
        mounts.mountDefaults("", true);
        this.pki = new PkiEngines(mounts, namespaces, clock, flavor, b.version);
        this.auth = new AuthMethods(mounts, namespaces, tokens, clock,
                () -> Optional.ofNullable(tls).map(EmulatorTls::clientCaCertificate));
        this.rootToken = tokens.createRoot().id();

        var renderer = new ResponseRenderer(flavor);
        var handler = new RequestHandler(flavor, clock, faults, requests, namespaces, mounts, tokens, policies,
                renderer, new NodeEndpoints(flavor, b.version, clock, faults, renderer));
        var threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            var t = new Thread(r, "vault-emulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port);
            if (tls != null) {
                var https = HttpsServer.create(address, 128);
                boolean require = b.requireClientCertificate;
                https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()) {
                    @Override
                    public void configure(HttpsParameters params) {
                        var ssl = getSSLContext().getDefaultSSLParameters();
                        if (require) {
                            ssl.setNeedClientAuth(true);
                        } else {
                            ssl.setWantClientAuth(true);
                        }
                        params.setSSLParameters(ssl);
                    }
                });
                this.server = https;
            } else {
                this.server = HttpServer.create(address, 128);
            }
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot bind the emulator to port " + b.port, e);
        }
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        this.url = URI.create((tls != null ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http(s)://127.0.0.1:<port>}, no trailing slash. */
    public URI url() {
        return url;
    }

    public Flavor flavor() {
        return flavor;
    }

    /** The init-style root token: policies [root], path auth/token/root, no lease, no TTL. */
    public String rootToken() {
        return rootToken;
    }

    public MutableClock clock() {
        return clock;
    }

    /** TLS material; throws when the emulator serves plain HTTP. */
    public EmulatorTls tls() {
        if (tls == null) {
            throw new IllegalStateException("the emulator was started without TLS");
        }
        return tls;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public PolicyStore policies() {
        return policies;
    }

    public PkiEngines pki() {
        return pki;
    }

    public AuthMethods auth() {
        return auth;
    }

    public Namespaces namespaces() {
        return namespaces;
    }

    /** The mount table, e.g. to mark a mount {@code listing_visibility=unauth}. */
    public MountTable mounts() {
        return mounts;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (tls != null) {
            tls.delete();
        }
    }

    /** Configures and starts an emulator. Defaults: VAULT 1.17.3, plain HTTP, random port, fresh clock. */
    public static final class Builder {
        private Flavor flavor = Flavor.VAULT;
        private String version;
        private MutableClock clock = new MutableClock();
        private int port;
        private boolean tls;
        private String tlsServerName = "vault.test";
        private boolean requireClientCertificate;
        private boolean enterpriseNamespaces;
        private int threads = 16;
        private int requestLogLimit = RequestLog.DEFAULT_LIMIT;

        public Builder flavor(Flavor flavor) {
            this.flavor = flavor;
            return this;
        }

        /**
         * Version reported by {@code sys/health}; defaults to 1.17.3 (VAULT) or 2.3.1 (OPENBAO). PKI mounts answer as
         * this version: paths it lacks (e.g. {@code config/acme} before 1.14) are 404 {@code unsupported path}.
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder clock(MutableClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serve HTTPS with a generated CA; see {@link VaultEmulator#tls()}. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** Extra DNS SAN of the server certificate. */
        public Builder tlsServerName(String serverName) {
            this.tlsServerName = serverName;
            return this;
        }

        /** Mutual TLS: refuse handshakes without a client certificate signed by the emulator's client CA. */
        public Builder requireClientCertificate(boolean require) {
            this.requireClientCertificate = require;
            return this;
        }

        /** Honour {@code X-Vault-Namespace} in VAULT flavor too (Vault Enterprise); OPENBAO always does. */
        public Builder enterpriseNamespaces(boolean enterprise) {
            this.enterpriseNamespaces = enterprise;
            return this;
        }

        /** Size of the request thread pool (default 16). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** How many of the most recent requests {@link VaultEmulator#requests()} keeps. */
        public Builder requestLogLimit(int limit) {
            this.requestLogLimit = limit;
            return this;
        }

        public VaultEmulator start() {
            if (version == null) {
                version = flavor == Flavor.VAULT ? "1.17.3" : "2.3.1";
            }
            return new VaultEmulator(this);
        }
    }

    @Override
    public String toString() {
        return "VaultEmulator[" + flavor + " " + url + "]";
    }
}

package io.vaultpki.client.core;

import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.event.VaultClientListener;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultTransport;
import io.vaultpki.client.http.jdk.JdkVaultTransport;
import io.vaultpki.client.pki.PkiOperations;
import io.vaultpki.client.session.SessionManager;
import io.vaultpki.client.session.SessionOptions;
import io.vaultpki.client.sys.SysOperations;

import java.time.Clock;
import java.util.Objects;

/**
 * Entry point of the library: one transport, one token session, and the PKI and sys operations on top.
 *
 * <pre>{@code
 * try (VaultClient vault = VaultClient.create(VaultSettings.fromEnvironment(System.getenv()), auth)) {
 *     List<IssuerSummary> issuers = vault.pki("pki-int").listIssuers();
 * }
 * }</pre>
 * Creating a client does not contact Vault; the first login happens on the first authenticated request.
 * Thread-safe.
 */
public final class VaultClient implements AutoCloseable {

    private final VaultSettings settings;
    private final VaultTransport transport;
    private final SessionManager session;
    private final VaultExecutor executor;
    private final SysOperations sys;
    private final String childNamespace;

    private VaultClient(VaultSettings settings, VaultTransport transport, SessionManager session) {
        this(settings, transport, session, new AuthenticatedExecutor(transport, session), null);
    }

    private VaultClient(VaultSettings settings, VaultTransport transport, SessionManager session,
                        VaultExecutor executor, String childNamespace) {
        this.settings = settings;
        this.transport = transport;
        this.session = session;
        this.executor = executor;
        this.sys = new SysOperations(executor);
        this.childNamespace = childNamespace;
    }

    /**
     * A view of this client inside the child namespace {@code namespace} (relative to the client's own namespace,
     * e.g. {@code team-a} or {@code team-a/dev}), sharing its session and transport. Namespaced requests carry the
     * namespace as a path prefix ({@code team-a/sys/mounts}), which Vault Enterprise resolves like the header, so
     * the token and login of the parent namespace are used. Closing the view does nothing.
     */
    public VaultClient inNamespace(String namespace) {
        String ns = Objects.requireNonNull(namespace, "namespace").strip().replaceAll("^/+|/+$", "");
        if (ns.isEmpty()) {
            return this;
        }
        String prefix = ns + "/";
        VaultExecutor parent = executor;
        VaultExecutor prefixed = request -> parent.execute(request.namespaced()
                ? request.withPath(prefix + request.path())
                : request);
        String full = childNamespace == null ? ns : childNamespace + "/" + ns;
        return new VaultClient(settings, transport, session, prefixed, full);
    }

    /** A client with default clock and no listener. */
    public static VaultClient create(VaultSettings settings, VaultAuthentication authentication) {
        return builder().settings(settings).authentication(authentication).build();
    }

    /** A builder; {@code settings} and {@code authentication} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** PKI operations on the mount {@code mount} ({@code pki}, {@code pki/}, {@code team/a/pki}). */
    public PkiOperations pki(String mount) {
        return new PkiOperations(mount, executor);
    }

    /** Health, seal status and mount discovery. */
    public SysOperations sys() {
        return sys;
    }

    /** The token session (current token, token info). */
    public SessionManager session() {
        return session;
    }

    /** The settings the client was built with. */
    public VaultSettings settings() {
        return settings;
    }

    /** Stops renewal, revokes a token the session created (if configured), and closes the transport. */
    @Override
    public void close() {
        if (childNamespace != null) {
            return;
        }
        try {
            session.close();
        } finally {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "VaultClient[" + settings.address() + (settings.namespace() == null ? "" : ", namespace=" + settings.namespace())
                + (childNamespace == null ? "" : ", child namespace=" + childNamespace) + "]";
    }

    /** Builder; {@code settings} and {@code authentication} are required. */
    public static final class Builder {
        private VaultSettings settings;
        private VaultAuthentication authentication;
        private Clock clock = Clock.systemUTC();
        private VaultClientListener listener = VaultClientListener.NONE;
        private VaultTransport transport;

        private Builder() {
        }

        /** Address, TLS, timeouts, retries (required). */
    public Builder settings(VaultSettings value) {
            this.settings = value;
            return this;
        }

        /** How the session obtains tokens (required). */
    public Builder authentication(VaultAuthentication value) {
            this.authentication = value;
            return this;
        }

        /** Time source of the session (TTLs, renewal), default UTC system clock. */
    public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Receives login, renewal and token events, and the default transport's back-pressure events. */
    public Builder listener(VaultClientListener value) {
            this.listener = value;
            return this;
        }

        /** Replaces the default {@link JdkVaultTransport}, e.g. one with an injected sleeper in tests. */
        public Builder transport(VaultTransport value) {
            this.transport = value;
            return this;
        }

        /** Creates the transport and the session; contacts no server. */
    public VaultClient build() {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(authentication, "authentication");
            VaultTransport t = transport != null ? transport : new JdkVaultTransport(settings, listener);
            SessionOptions options = SessionOptions.builder().clock(clock).listener(listener)
                    .allowRootToken(settings.allowRootToken()).build();
            return new VaultClient(settings, t, new SessionManager(t, authentication, options));
        }
    }
}

package io.vaultpki.emulator;

import io.vaultpki.emulator.auth.AppRoleBackend;
import io.vaultpki.emulator.auth.CertBackend;
import io.vaultpki.emulator.auth.JwtBackend;
import io.vaultpki.emulator.auth.KubernetesBackend;
import io.vaultpki.emulator.auth.UserpassBackend;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.NamespacePath;
import io.vaultpki.emulator.token.TokenStore;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Auth methods mounted under {@code auth/<mount>/}. Each accessor enables the method on first use and returns the
 * same backend afterwards, so tests can add roles at any time.
 */
public final class AuthMethods {

    private final MountTable mounts;
    private final Namespaces namespaces;
    private final TokenStore tokens;
    private final Clock clock;
    private final Supplier<Optional<X509Certificate>> clientCa;

    AuthMethods(MountTable mounts, Namespaces namespaces, TokenStore tokens, Clock clock,
                Supplier<Optional<X509Certificate>> clientCa) {
        this.mounts = mounts;
        this.namespaces = namespaces;
        this.tokens = tokens;
        this.clock = clock;
        this.clientCa = clientCa;
    }

    public AppRoleBackend appRole(String mount) {
        return appRole("", mount);
    }

    public AppRoleBackend appRole(String namespace, String mount) {
        return enable(namespace, mount, AppRoleBackend.class, () -> new AppRoleBackend(tokens, clock));
    }

    public KubernetesBackend kubernetes(String mount) {
        return kubernetes("", mount);
    }

    public KubernetesBackend kubernetes(String namespace, String mount) {
        return enable(namespace, mount, KubernetesBackend.class, () -> new KubernetesBackend(tokens, clock));
    }

    public JwtBackend jwt(String mount) {
        return jwt("", mount);
    }

    public JwtBackend jwt(String namespace, String mount) {
        return enable(namespace, mount, JwtBackend.class, () -> new JwtBackend(tokens, clock));
    }

    public UserpassBackend userpass(String mount) {
        return userpass("", mount);
    }

    public UserpassBackend userpass(String namespace, String mount) {
        return enable(namespace, mount, UserpassBackend.class, () -> new UserpassBackend(tokens, clock));
    }

    /** TLS certificate auth; logins must come over mutual TLS with the emulator's client certificate. */
    public CertBackend cert(String mount) {
        return enable("", mount, CertBackend.class, () -> new CertBackend(tokens, clock, clientCa));
    }

    /** Removes an auth mount; true when there was one. */
    public boolean disable(String namespace, String mount) {
        return mounts.unmount(namespace, "auth/" + MountTable.normalizePath(mount));
    }

    private synchronized <T extends Backend> T enable(String namespace, String mount, Class<T> type,
                                                      Supplier<T> factory) {
        String ns = NamespacePath.normalize(namespace);
        if (!ns.isEmpty() && !namespaces.exists(ns)) {
            namespaces.create(ns);
        }
        String path = "auth/" + MountTable.normalizePath(mount);
        var existing = mounts.exact(ns, path);
        if (existing.isPresent()) {
            Backend backend = existing.get().backend();
            if (!type.isInstance(backend)) {
                throw new IllegalStateException("path is already in use at " + path);
            }
            return type.cast(backend);
        }
        T backend = factory.get();
        mounts.mount(ns, path, backend, "", null, false);
        return backend;
    }
}

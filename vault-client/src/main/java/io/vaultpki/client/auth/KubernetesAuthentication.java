package io.vaultpki.client.auth;

import io.vaultpki.client.http.VaultTransport;

import java.util.Map;
import java.util.Objects;

/** Logs in with the pod's service-account JWT: {@code POST auth/<mount>/login {"role", "jwt"}}. */
public final class KubernetesAuthentication implements VaultAuthentication {

    public static final String METHOD = "kubernetes";

    private final KubernetesAuthOptions options;

    public KubernetesAuthentication(KubernetesAuthOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        return LoginSupport.login(transport, METHOD, options.mount(), "auth/" + options.mount() + "/login",
                () -> Map.of("role", options.role(), "jwt", options.jwt().get()));
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** The settings this method logs in with. */
    public KubernetesAuthOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "KubernetesAuthentication[mount=" + options.mount() + ", role=" + options.role() + "]";
    }
}

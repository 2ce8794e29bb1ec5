package io.vaultpki.client.auth;

import io.vaultpki.client.http.VaultTransport;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Logs in with a JWT (OIDC provider, Nomad workload identity): {@code POST auth/<mount>/login {"role", "jwt"}};
 * {@code role} is omitted when not set so the mount's {@code default_role} applies.
 */
public final class JwtAuthentication implements VaultAuthentication {

    public static final String METHOD = "jwt";

    private final JwtAuthOptions options;

    public JwtAuthentication(JwtAuthOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        return LoginSupport.login(transport, METHOD, options.mount(), "auth/" + options.mount() + "/login", () -> {
            Map<String, Object> body = new HashMap<>();
            if (options.role() != null) {
                body.put("role", options.role());
            }
            body.put("jwt", options.jwt().get());
            return body;
        });
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String toString() {
        return "JwtAuthentication[mount=" + options.mount() + ", role=" + options.role() + "]";
    }
}

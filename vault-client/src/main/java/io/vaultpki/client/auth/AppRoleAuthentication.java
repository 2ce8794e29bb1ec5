package io.vaultpki.client.auth;

import io.vaultpki.client.http.VaultTransport;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Logs in with a role ID and secret ID: {@code POST auth/<mount>/login {"role_id", "secret_id"}}. */
public final class AppRoleAuthentication implements VaultAuthentication {

    public static final String METHOD = "approle";

    private final AppRoleAuthOptions options;

    public AppRoleAuthentication(AppRoleAuthOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        return LoginSupport.login(transport, METHOD, options.mount(), "auth/" + options.mount() + "/login", () -> {
            Map<String, Object> body = new HashMap<>();
            body.put("role_id", options.roleId());
            if (options.secretId() != null) {
                body.put("secret_id", options.secretId().get());
            }
            return body;
        });
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String toString() {
        return "AppRoleAuthentication[mount=" + options.mount() + "]";
    }
}

package io.vaultpki.client.auth;

import io.vaultpki.client.http.VaultTransport;

import java.util.Map;
import java.util.Objects;

/** Logs in with a username and password: {@code POST auth/<mount>/login/<username> {"password"}}. */
public final class UserpassAuthentication implements VaultAuthentication {

    public static final String METHOD = "userpass";

    private final UserpassAuthOptions options;

    public UserpassAuthentication(UserpassAuthOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        return LoginSupport.login(transport, METHOD, options.mount(),
                "auth/" + options.mount() + "/login/" + options.username(),
                () -> Map.of("password", options.password().get()));
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String toString() {
        return "UserpassAuthentication[mount=" + options.mount() + ", username=" + options.username() + "]";
    }
}

package io.vaultpki.client.auth;

import io.vaultpki.client.http.VaultTransport;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Logs in with the TLS client certificate the transport presents: {@code POST auth/<mount>/login {"name"?}}.
 * The transport must be configured with a client certificate; without one Vault answers 400
 * {@code invalid certificate or no client certificate supplied}.
 */
public final class CertAuthentication implements VaultAuthentication {

    public static final String METHOD = "cert";

    private final CertAuthOptions options;

    public CertAuthentication(CertAuthOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        return LoginSupport.login(transport, METHOD, options.mount(), "auth/" + options.mount() + "/login", () -> {
            Map<String, Object> body = new HashMap<>();
            if (options.name() != null) {
                body.put("name", options.name());
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
        return "CertAuthentication[mount=" + options.mount() + ", name=" + options.name() + "]";
    }
}

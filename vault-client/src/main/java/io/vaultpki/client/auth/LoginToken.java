package io.vaultpki.client.auth;

import io.vaultpki.client.VaultToken;

import java.time.Duration;
import java.util.List;

/**
 * What a login returned: the token and, when Vault told us, its TTL, renewability and policies
 * (docs/vault-compatibility.md#client-tokens-and-logins). {@code ttl} is {@link Duration#ZERO} for a non-expiring or
 * unknown TTL; {@code type} is {@code service}, {@code batch}, or {@code ""} when unknown.
 */
public record LoginToken(VaultToken token, Duration ttl, boolean renewable, List<String> policies, boolean fromLogin,
                         String type) {

    public LoginToken(VaultToken token, Duration ttl, boolean renewable, List<String> policies, boolean fromLogin) {
        this(token, ttl, renewable, policies, fromLogin, "");
    }

    /** A token given to us as-is (setting, environment, file): nothing known until lookup-self. */
    public static LoginToken ofStatic(VaultToken token) {
        return new LoginToken(token, Duration.ZERO, false, List.of(), false);
    }
}

package io.vaultpki.client.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What {@code GET auth/token/lookup-self} says about the session's token
 * (https://developer.hashicorp.com/vault/api-docs/auth/token#lookup-a-token-self), without the token itself.
 *
 * @param accessor    safe-to-log handle of the token ({@code ""} for batch tokens)
 * @param policies    token policies
 * @param ttl         remaining lifetime when looked up; {@link Duration#ZERO} for a non-expiring token
 * @param expireTime  expiry with the server's offset, or null when the token does not expire
 * @param renewable   whether {@code renew-self} can extend it (absent for root tokens, read as false)
 * @param path        creation path, e.g. {@code auth/approle/login}
 * @param type        {@code service} or {@code batch}
 * @param displayName e.g. {@code approle}, {@code kubernetes-ns-sa}
 */
public record TokenInfo(String accessor, List<String> policies, Duration ttl, OffsetDateTime expireTime,
                        boolean renewable, String path, String type, String displayName) {

    public TokenInfo {
        policies = List.copyOf(policies);
    }

    /**
     * A root token is one whose policies include {@code root} (the only reliable signal,
     * docs/vault-compatibility.md#client-tokens-and-logins).
     */
    public boolean isRoot() {
        return policies.contains("root");
    }

    public boolean isBatch() {
        return "batch".equals(type);
    }

    public Optional<OffsetDateTime> expiry() {
        return Optional.ofNullable(expireTime);
    }
}

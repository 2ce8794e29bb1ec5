package io.vaultpki.emulator.token;

import io.vaultpki.emulator.spi.NamespacePath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a token created by {@link TokenStore#create} or by an emulated login looks like.
 *
 * @param policies        policies besides {@code default} (added unless {@code noDefaultPolicy})
 * @param ttl             initial TTL; {@link Duration#ZERO} = never expires
 * @param maxTtl          cap for renewals counted from issue time (the mount's max TTL); ZERO = unlimited
 * @param explicitMaxTtl  hard cap from issue time reported as {@code explicit_max_ttl}; ZERO = unset
 * @param renewable       whether renew-self may extend it
 * @param type            {@code service} or {@code batch}
 * @param namespace       namespace the token belongs to ({@code ""} = root)
 * @param noDefaultPolicy leave out the {@code default} policy (lookup-self then answers 403)
 * @param period          periodic token: each renewal resets the TTL to this; ZERO = not periodic
 * @param displayName     display name; logins derive it from the mount when empty
 * @param path            creation path, e.g. {@code auth/token/create}
 * @param meta            token metadata ({@code null} = none)
 */
public record TokenSpec(
        List<String> policies,
        Duration ttl,
        Duration maxTtl,
        Duration explicitMaxTtl,
        boolean renewable,
        String type,
        String namespace,
        boolean noDefaultPolicy,
        Duration period,
        String displayName,
        String path,
        Map<String, String> meta) {

    public TokenSpec {
        policies = List.copyOf(policies);
        meta = meta == null ? null : Map.copyOf(meta);
        if (!type.equals("service") && !type.equals("batch")) {
            throw new IllegalArgumentException("token type must be service or batch: " + type);
        }
    }

    /** A renewable service token with the given policies and TTL. */
    public static TokenSpec of(Duration ttl, String... policies) {
        return builder().ttl(ttl).policies(policies).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().policies(policies).ttl(ttl).maxTtl(maxTtl).explicitMaxTtl(explicitMaxTtl)
                .renewable(renewable).type(type).namespace(namespace).noDefaultPolicy(noDefaultPolicy)
                .period(period).displayName(displayName).path(path).meta(meta);
    }

    /** Defaults: 1h TTL, no max, renewable service token in the root namespace, path {@code auth/token/create}. */
    public static final class Builder {
        private List<String> policies = List.of();
        private Duration ttl = Duration.ofHours(1);
        private Duration maxTtl = Duration.ZERO;
        private Duration explicitMaxTtl = Duration.ZERO;
        private boolean renewable = true;
        private String type = "service";
        private String namespace = "";
        private boolean noDefaultPolicy;
        private Duration period = Duration.ZERO;
        private String displayName = "";
        private String path = "auth/token/create";
        private Map<String, String> meta;

        public Builder policies(String... policies) {
            this.policies = List.of(policies);
            return this;
        }

        public Builder policies(List<String> policies) {
            this.policies = List.copyOf(policies);
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder maxTtl(Duration maxTtl) {
            this.maxTtl = maxTtl;
            return this;
        }

        public Builder explicitMaxTtl(Duration explicitMaxTtl) {
            this.explicitMaxTtl = explicitMaxTtl;
            return this;
        }

        public Builder renewable(boolean renewable) {
            this.renewable = renewable;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder batch() {
            return type("batch").renewable(false);
        }

        public Builder namespace(String namespace) {
            this.namespace = NamespacePath.normalize(namespace);
            return this;
        }

        public Builder noDefaultPolicy(boolean noDefaultPolicy) {
            this.noDefaultPolicy = noDefaultPolicy;
            return this;
        }

        public Builder period(Duration period) {
            this.period = period;
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder meta(Map<String, String> meta) {
            this.meta = meta;
            return this;
        }

        public TokenSpec build() {
            return new TokenSpec(policies, ttl, maxTtl, explicitMaxTtl, renewable, type, namespace, noDefaultPolicy,
                    period, displayName, path, meta);
        }
    }
}

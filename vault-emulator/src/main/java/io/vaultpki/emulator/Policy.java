package io.vaultpki.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ACL policy: path patterns with capabilities, matched with Vault's glob rules (a trailing {@code *} is a
 * prefix match, {@code +} matches exactly one segment, {@code deny} beats everything).
 */
public final class Policy {

    private static final Set<String> CAPABILITIES =
            Set.of("create", "read", "update", "delete", "list", "patch", "sudo", "deny");

    /** One {@code path "..." { capabilities = [...] }} block. */
    public record Rule(String pattern, Set<String> capabilities) {
    }

    private final List<Rule> rules;

    private Policy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a policy; capability names are validated like Vault's parser does. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        public Builder path(String pattern, String... capabilities) {
            for (String c : capabilities) {
                if (!CAPABILITIES.contains(c)) {
                    throw new IllegalArgumentException("unknown capability: " + c);
                }
            }
            rules.add(new Rule(pattern, Set.of(capabilities)));
            return this;
        }

        public Policy build() {
            return new Policy(rules);
        }
    }
}

package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.spi.TokenEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named policies and the ACL decision. Holds the built-in {@code default} policy; {@code root} is implicit and
 * allows everything.
 */
public final class PolicyStore {

    static final Policy DEFAULT = Policy.builder()
            .path("auth/token/lookup-self", "read")
            .path("auth/token/renew-self", "update")
            .path("auth/token/revoke-self", "update")
            .path("sys/capabilities-self", "update")
            .path("cubbyhole/*", "create", "read", "update", "delete", "list")
            .build();

    private final Map<String, Policy> policies = new ConcurrentHashMap<>();

    PolicyStore() {
        policies.put("default", DEFAULT);
    }

    public PolicyStore put(String name, Policy policy) {
        if (name.equals("root")) {
            throw new IllegalArgumentException("cannot update the root policy");
        }
        policies.put(name, policy);
        return this;
    }

    public Optional<Policy> get(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /** Whether the token may perform {@code operation} on {@code path} (relative to the token's namespace). */
    boolean allows(TokenEntry token, Operation operation, String path) {
        if (token.isRoot()) {
            return true;
        }
        Set<String> granted = capabilities(token.policies(), path);
        if (granted.isEmpty() && operation == Operation.LIST) {
            granted = capabilities(token.policies(), path + "/");
        }
        if (granted.contains("deny")) {
            return false;
        }
        return switch (operation) {
            case UPDATE -> granted.contains("update") || granted.contains("create");
            default -> granted.contains(operation.capability());
        };
    }

    /** Whether the token has any capability on {@code mountPath} or below it (sys/internal/ui/mounts). */
    boolean hasAnyAccessUnder(TokenEntry token, String mountPath) {
        if (token.isRoot()) {
            return true;
        }
        if (!capabilities(token.policies(), mountPath).isEmpty()
                && !capabilities(token.policies(), mountPath).contains("deny")) {
            return true;
        }
        for (Policy.Rule rule : rules(token.policies())) {
            String prefix = rule.pattern().endsWith("*")
                    ? rule.pattern().substring(0, rule.pattern().length() - 1) : rule.pattern();
            if (prefix.startsWith(mountPath) && !rule.capabilities().contains("deny")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Capabilities of the most specific matching pattern: an exact pattern wins, then Vault's priority among
     * wildcard patterns (a later first wildcard, then a longer pattern, then fewer {@code +}). Rules with the same
     * pattern from several policies are merged.
     */
    Set<String> capabilities(Collection<String> policyNames, String path) {
        String best = null;
        for (Policy.Rule rule : rules(policyNames)) {
            if (matches(rule.pattern(), path) && (best == null || morePrecise(rule.pattern(), best))) {
                best = rule.pattern();
            }
        }
        var merged = new HashSet<String>();
        if (best != null) {
            for (Policy.Rule rule : rules(policyNames)) {
                if (rule.pattern().equals(best)) {
                    merged.addAll(rule.capabilities());
                }
            }
        }
        return merged;
    }

    private List<Policy.Rule> rules(Collection<String> policyNames) {
        var rules = new ArrayList<Policy.Rule>();
        for (String name : policyNames) {
            var policy = policies.get(name);
            if (policy != null) {
                rules.addAll(policy.rules());
            }
        }
        return rules;
    }

    static boolean matches(String pattern, String path) {
        boolean prefix = pattern.endsWith("*");
        String body = prefix ? pattern.substring(0, pattern.length() - 1) : pattern;
        int p = 0;
        int i = 0;
        while (p < body.length()) {
            char c = body.charAt(p);
            if (c == '+') {
                int end = path.indexOf('/', i);
                end = end < 0 ? path.length() : end;
                if (end == i) {
                    return false;
                }
                i = end;
                p++;
            } else {
                if (i >= path.length() || path.charAt(i) != c) {
                    return false;
                }
                i++;
                p++;
            }
        }
        return prefix || i == path.length();
    }

    private static boolean morePrecise(String candidate, String current) {
        boolean candidateExact = isExact(candidate);
        boolean currentExact = isExact(current);
        if (candidateExact != currentExact) {
            return candidateExact;
        }
        int a = firstWildcard(candidate);
        int b = firstWildcard(current);
        if (a != b) {
            return a > b;
        }
        if (candidate.length() != current.length()) {
            return candidate.length() > current.length();
        }
        return count(candidate, '+') < count(current, '+');
    }

    private static boolean isExact(String pattern) {
        return pattern.indexOf('*') < 0 && pattern.indexOf('+') < 0;
    }

    private static int firstWildcard(String pattern) {
        int plus = pattern.indexOf('+');
        int star = pattern.indexOf('*');
        if (plus < 0) {
            return star < 0 ? pattern.length() : star;
        }
        return star < 0 ? plus : Math.min(plus, star);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}

package io.vaultpki.exporter.access;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Start-up check that every {@code policy.hooks} pattern of a token or client certificate matches a configured hook.
 * A pattern that matches none is a typo or a hook that was removed: left alone, the API client would get a 403 or
 * 400 at its first request and the operator would learn nothing at deploy time.
 */
final class HookPolicies {

    private HookPolicies() {
    }

    /**
     * @param principals    the principals of {@code prefix}, in configuration order
     * @param prefix        {@code exporter.api.tokens} or {@code exporter.api.client-certificates}
     * @param configured    the names of {@code exporter.hooks.<name>}
     * @throws ApiConfigurationException naming {@code <prefix>[i].policy.hooks} and the pattern
     */
    static void requireConfigured(List<ApiPrincipal> principals, String prefix, Set<String> configured) {
        for (int i = 0; i < principals.size(); i++) {
            List<Glob> hooks = principals.get(i).policy().hooks();
            if (hooks == null) {
                continue;
            }
            for (Glob glob : hooks) {
                if (configured.stream().noneMatch(glob::matches)) {
                    throw new ApiConfigurationException(prefix + "[" + i + "].policy.hooks", "'" + glob
                            + "' matches no configured hook (exporter.hooks: "
                            + (configured.isEmpty() ? "none" : String.join(", ", new TreeSet<>(configured))) + ")");
                }
            }
        }
    }
}

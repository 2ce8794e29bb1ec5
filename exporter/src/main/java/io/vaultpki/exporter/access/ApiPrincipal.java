package io.vaultpki.exporter.access;

import java.util.List;
import java.util.Set;

/**
 * An authenticated API client: the configured token (or client certificate) it stands for, never the secret.
 *
 * @param name    the configured name, as written to the audit log
 * @param type    {@code token} or {@code mtls}
 * @param scopes  what it may do
 * @param exports export-name globs it may see and touch; {@code null} for all
 * @param policy  what it may ask Vault for with {@code write}
 */
public record ApiPrincipal(String name, String type, Set<Scope> scopes, List<Glob> exports, WritePolicy policy) {

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether the export allow-list covers {@code exportName}. */
    public boolean mayAccess(String exportName) {
        return exports == null || exports.stream().anyMatch(g -> g.matches(exportName));
    }

    @Override
    public String toString() {
        return "ApiPrincipal[" + type + ":" + name + ", scopes=" + scopes + "]";
    }
}

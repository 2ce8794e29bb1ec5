package io.vaultpki.emulator;


import io.vaultpki.emulator.spi.NamespacePath;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The namespace tree. Namespaces are honoured only when the flavor supports them (OpenBao, or Vault with the
 * Enterprise option); Vault CE ignores {@code X-Vault-Namespace} entirely
 * (https://developer.hashicorp.com/vault/api-docs#namespaces; docs/vault-compatibility.md#emulator-namespaces).
 */
public final class Namespaces {

    private final Set<String> paths = new ConcurrentSkipListSet<>();
    private final boolean honoured;
    private final MountTable mounts;

    Namespaces(boolean honoured, MountTable mounts) {
        this.honoured = honoured;
        this.mounts = mounts;
    }

    /** Whether {@code X-Vault-Namespace} and namespace path prefixes are resolved at all. */
    public boolean honoured() {
        return honoured;
    }

    /** Creates a namespace (and its parents), each with its own {@code sys/}, {@code cubbyhole/}, {@code identity/}. */
    public Namespaces create(String namespace) {
        String ns = NamespacePath.normalize(namespace);
        if (ns.isEmpty()) {
            throw new IllegalArgumentException("the root namespace always exists");
        }
        int from = 0;
        int slash;
        while ((slash = ns.indexOf('/', from)) >= 0) {
            String parent = ns.substring(0, slash + 1);
            if (paths.add(parent)) {
                mounts.mountDefaults(parent, false);
            }
            from = slash + 1;
        }
        return this;
    }

    public boolean exists(String namespace) {
        String ns = NamespacePath.normalize(namespace);
        return ns.isEmpty() || paths.contains(ns);
    }

    public Set<String> all() {
        return new TreeSet<>(paths);
    }

    /**
     * Splits {@code header + path} into the deepest existing namespace and the path inside it
     * ({@code ns1/} + {@code ns2/pki/issuers} → {@code ns1/ns2/}, {@code pki/issuers}).
     */
    Resolved resolve(String header, String path) {
        if (!honoured) {
            return new Resolved("", path, true);
        }
        String ns = NamespacePath.normalize(header);
        if (!exists(ns)) {
            return new Resolved(ns, path, false);
        }
        String rest = path;
        while (true) {
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                break;
            }
            String candidate = ns + rest.substring(0, slash + 1);
            if (!paths.contains(candidate)) {
                break;
            }
            ns = candidate;
            rest = rest.substring(slash + 1);
        }
        return new Resolved(ns, rest, true);
    }

    /** Result of {@link #resolve}: {@code known} is false when the header names a namespace that does not exist. */
    record Resolved(String namespace, String path, boolean known) {
    }
}

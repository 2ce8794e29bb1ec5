package io.vaultpki.monitor.mounts;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;

/**
 * {@code monitor.mounts.*}: which PKI mounts the monitor reads. Patterns match the mount path as Vault lists it,
 * with its trailing slash ({@code team/a/pki/}); see {@link MountPattern} for the syntax.
 */
@ConfigurationProperties("monitor.mounts")
public class MountsConfiguration {

    private List<String> include = List.of();
    private List<String> exclude = List.of();
    private List<String> namespaces = List.of();

    /** Only mounts matching one of these patterns are read; empty means all. */
    public List<String> include() {
        return include;
    }

    public void setInclude(List<String> include) {
        this.include = List.copyOf(include);
    }

    /** Mounts matching one of these patterns are skipped, even when included. */
    public List<String> exclude() {
        return exclude;
    }

    public void setExclude(List<String> exclude) {
        this.exclude = List.copyOf(exclude);
    }

    /** Namespaces to read; empty means the client's own namespace only. */
    public List<String> namespaces() {
        return namespaces;
    }

    public void setNamespaces(List<String> namespaces) {
        this.namespaces = List.copyOf(namespaces);
    }
}

package io.vaultpki.monitor.mounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * {@code monitor.mounts.*}: which PKI mounts the monitor reads. Patterns match the mount path as Vault lists it,
 * with its trailing slash ({@code team/a/pki/}); see {@link MountPattern} for the syntax. The patterns are compiled,
 * and a bad one reported naming its setting, by {@link MountSelection}.
 *
 * @param only       the one mount to read ({@code pki} or {@code pki/}), the Python exporter's {@code PKI_MOUNT_PATH}
 *                   (mapped by {@link io.vaultpki.monitor.MonitorEnvironmentAliases}); unset reads every selected mount
 * @param include    only mounts matching one of these patterns are read; empty means all
 * @param exclude    mounts matching one of these patterns are skipped, even when included
 * @param namespaces namespaces to read; empty means the client's own namespace only
 */
@ConfigurationProperties(MountsConfiguration.PREFIX)
public record MountsConfiguration(@Nullable String only, @Nullable List<String> include,
                                  @Nullable List<String> exclude, @Nullable List<String> namespaces) {

    public static final String PREFIX = "monitor.mounts";

    public MountsConfiguration {
        only = only == null || only.isBlank() ? null : only.strip();
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** Every PKI mount of the client's namespace. */
    public static MountsConfiguration all() {
        return new MountsConfiguration(null, List.of(), List.of(), List.of());
    }

    /** {@link #only()} when it is set. */
    public Optional<String> onlyMount() {
        return Optional.ofNullable(only);
    }
}

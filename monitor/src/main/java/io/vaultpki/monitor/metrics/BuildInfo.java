package io.vaultpki.monitor.metrics;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * What {@code vault_pki_monitor_build_info} reports: the version from the jar manifest ({@code dev} when run from
 * classes) and the source revision from {@code monitor.build.revision} (set by packaging, {@code unknown} otherwise).
 */
@Singleton
public final class BuildInfo {

    private final String version;
    private final String revision;

    @Inject
    public BuildInfo(@Value("${monitor.build.revision:unknown}") String revision) {
        this(versionFromManifest(), revision);
    }

    public BuildInfo(String version, String revision) {
        this.version = version;
        this.revision = revision;
    }

    public String version() {
        return version;
    }

    public String revision() {
        return revision;
    }

    private static String versionFromManifest() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

package io.vaultpki.monitor.refresh;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code monitor.leaves.*}: leaf certificate collection. The snapshot always carries every leaf with its
 * {@link LeafCertificate#superseded()} flag; {@link #includeSuperseded()} tells the renderers whether to export
 * superseded ones.
 */
@ConfigurationProperties("monitor.leaves")
public class LeavesConfiguration {

    private boolean enabled = true;
    private boolean includeSuperseded;

    /** Whether leaves are listed and read at all (default true). */
    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether superseded leaves are exported (default false: only the newest per engine, CN and OU). */
    public boolean includeSuperseded() {
        return includeSuperseded;
    }

    public void setIncludeSuperseded(boolean includeSuperseded) {
        this.includeSuperseded = includeSuperseded;
    }
}

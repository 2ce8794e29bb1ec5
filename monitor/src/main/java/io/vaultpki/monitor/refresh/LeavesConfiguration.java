package io.vaultpki.monitor.refresh;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code monitor.leaves.*} as the refresh sees it: whether leaves are collected at all. The snapshot carries every
 * leaf with its {@link LeafCertificate#superseded()} flag; which ones are exported ({@code include-superseded}) is
 * the metrics' {@code LeafSeriesConfiguration}.
 */
@ConfigurationProperties("monitor.leaves")
public class LeavesConfiguration {

    private boolean enabled = true;

    /** Whether leaves are listed and read at all (default true). */
    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}

package io.vaultpki.monitor.refresh;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code monitor.leaves.*} as the refresh sees it: whether leaves are collected at all. The snapshot carries every
 * leaf with its {@link LeafCertificate#superseded()} flag; which ones are exported ({@code include-superseded}) is
 * the metrics' {@code LeafSeriesConfiguration}.
 *
 * @param enabled whether leaves are listed and read at all (default true)
 */
@Context
@ConfigurationProperties(LeavesConfiguration.PREFIX)
public record LeavesConfiguration(@Bindable(defaultValue = "true") boolean enabled) {

    public static final String PREFIX = "monitor.leaves";
}

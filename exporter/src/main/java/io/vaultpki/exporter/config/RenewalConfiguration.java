package io.vaultpki.exporter.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.exporter.renewal.RenewalSettings;

import java.time.Duration;

/** {@code exporter.renewal.*}: when certificates are renewed and how failures are retried. */
@ConfigurationProperties("exporter.renewal")
public class RenewalConfiguration {

    private final RenewalSettings defaults = RenewalSettings.defaults();
    private int renewBeforePercent = defaults.renewBeforePercent();
    private int jitterPercent = defaults.jitterPercent();
    private Duration jitterCap = defaults.jitterCap();
    private Duration minIssuanceInterval = defaults.minIssuanceInterval();
    private Duration retryInitial = defaults.retryInitial();
    private Duration retryMax = defaults.retryMax();

    public void setRenewBeforePercent(int renewBeforePercent) {
        this.renewBeforePercent = renewBeforePercent;
    }

    public void setJitterPercent(int jitterPercent) {
        this.jitterPercent = jitterPercent;
    }

    public void setJitterCap(Duration jitterCap) {
        this.jitterCap = jitterCap;
    }

    public void setMinIssuanceInterval(Duration minIssuanceInterval) {
        this.minIssuanceInterval = minIssuanceInterval;
    }

    public void setRetryInitial(Duration retryInitial) {
        this.retryInitial = retryInitial;
    }

    public void setRetryMax(Duration retryMax) {
        this.retryMax = retryMax;
    }

    /** The validated settings; a bad value stops start-up with a message naming it. */
    public RenewalSettings settings() {
        try {
            return new RenewalSettings(renewBeforePercent, jitterPercent, jitterCap, minIssuanceInterval, retryInitial,
                    retryMax);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }
}

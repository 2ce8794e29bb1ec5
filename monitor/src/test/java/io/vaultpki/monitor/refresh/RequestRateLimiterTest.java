package io.vaultpki.monitor.refresh;

import io.vaultpki.monitor.MonitorSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    @Test
    void requestsAreSpacedToTheConfiguredRate() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(100);
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }
        // the first request goes at once, the next ten wait 10 ms each
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theRateCeilingIsOffByDefault() {
        // issue 12: the adaptive concurrency limit replaced the fixed 20 requests per second
        assertThat(MonitorSettings.bound(RefreshConfiguration.class, Map.of()).maxRequestsPerSecond()).isNull();
    }
}

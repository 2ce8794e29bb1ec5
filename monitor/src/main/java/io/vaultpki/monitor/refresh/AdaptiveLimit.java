package io.vaultpki.monitor.refresh;

import com.netflix.concurrency.limits.limit.AbstractLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;

/**
 * The refresh's concurrency limit, between 1 and a hard maximum. Latency is Netflix concurrency-limits'
 * {@link Gradient2Limit}: it compares each answer's RTT with a long-term average and, while latency stays flat,
 * grows the limit by a quarter of itself per answer (smoothed), and shrinks it when the RTT clearly exceeds the
 * average (more than 1.5×; each sample can cut at most half, smoothed). Gradient2 ignores drops, so they are
 * handled here, AIMD-style: each request Vault refused with 429/503 (or that timed out) halves a cap on the limit,
 * and every answered request lets the cap grow back by {@code 1/cap} (one per round of requests). A 429 is not fed
 * to Gradient2 as a latency: refused requests are fast and would make a normal answer look slow.
 */
final class AdaptiveLimit extends AbstractLimit {

    private final Gradient2Limit latency;
    private final int max;
    private double dropCap;

    AdaptiveLimit(int initial, int max) {
        super(initial);
        this.max = max;
        this.dropCap = max;
        this.latency = Gradient2Limit.newBuilder()
                .initialLimit(initial)
                .minLimit(1)
                .maxConcurrency(max)
                .queueSize(limit -> Math.max(1, limit / 4))
                .build();
    }

    @Override
    protected int _update(long startTime, long rtt, int inflight, boolean didDrop) {
        if (didDrop) {
            dropCap = Math.max(1, Math.min(dropCap, getLimit()) / 2.0);
        } else {
            latency.onSample(startTime, rtt, inflight, false);
            dropCap = Math.min(max, dropCap + 1 / dropCap);
        }
        return (int) Math.max(1, Math.min(latency.getLimit(), dropCap));
    }

    @Override
    public String toString() {
        return "AdaptiveLimit[limit=" + getLimit() + ", max=" + max + "]";
    }
}

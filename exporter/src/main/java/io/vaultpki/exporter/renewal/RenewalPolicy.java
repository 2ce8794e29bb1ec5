package io.vaultpki.exporter.renewal;

import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.http.Backoff;
import io.vaultpki.exporter.spec.ExportSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Renewal timing: when to renew a certificate, how far apart two issuances must be, and how long to back off
 * after a failure. Everything is computed from the certificate's <em>actual</em> validity, because Vault may cap
 * the requested TTL (role max TTL, issuer expiry) and only warn about it.
 *
 * <p>Jitter only ever moves renewal earlier, so the configured safety margin always holds while many exporters
 * (or exports) issued at the same moment still spread their renewals out.
 */
public final class RenewalPolicy {

    private static final Duration MIN_RETRY = Duration.ofSeconds(1);
    /** A window at or above this share of the lifetime would renew (nearly) at once after each issuance. */
    private static final double LOOP_GUARD_SHARE = 0.9;

    private final RenewalSettings settings;
    private final RandomGenerator random;
    private final WindowedPlan windows;

    public RenewalPolicy(RenewalSettings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.windows = new WindowedPlan(settings);
    }

    /** The renew-window step that follows the plan (and a retry's backoff), with the same settings. */
    public WindowedPlan windows() {
        return windows;
    }

    /**
     * When to renew {@code cert}, issued for {@code spec}: at {@code (100 - renewBeforePercent)%} of the actual
     * lifetime, or {@code notAfter - spec.renewBefore()} when set. Loop guard: if that window is at least 0.9 of the
     * lifetime, renew at 2/3 of it instead and report {@code lifetimeShortened}. Then subtract an earlier-only jitter,
     * uniform in {@code [0, min(jitterPercent% of lifetime, jitterCap)]}.
     */
    public RenewalPlan plan(ExportSpec spec, ParsedCertificate cert) {
        Duration lifetime = Duration.between(cert.notBefore(), cert.notAfter());
        if (lifetime.isNegative() || lifetime.isZero()) {
            // nothing sensible to wait for: renew as soon as the issuance interval allows
            return new RenewalPlan(cert.notBefore(), true, lifetime);
        }
        long lifetimeMillis = lifetime.toMillis();
        long windowMillis = spec.renewBefore() != null
                ? spec.renewBefore().toMillis()
                : lifetimeMillis * settings.renewBeforePercent() / 100;
        boolean shortened = windowMillis >= LOOP_GUARD_SHARE * lifetimeMillis;
        if (shortened) {
            windowMillis = lifetimeMillis / 3;
        }
        long jitterBound = Math.min(lifetimeMillis * settings.jitterPercent() / 100, settings.jitterCap().toMillis());
        long jitter = jitterBound <= 0 ? 0 : random.nextLong(jitterBound + 1);
        Instant renewAt = cert.notAfter().minusMillis(windowMillis).minusMillis(jitter);
        return new RenewalPlan(renewAt, shortened, lifetime);
    }

    /** Minimum spacing between two issuances of one export: {@code min(minIssuanceInterval, lifetime / 10)}. */
    public Duration minIssuanceInterval(Duration issuedLifetime) {
        Duration tenth = issuedLifetime.dividedBy(10);
        return tenth.compareTo(settings.minIssuanceInterval()) < 0 ? tenth : settings.minIssuanceInterval();
    }

    /**
     * Delay before retry number {@code consecutiveFailures} (1 = after the first failure): the bound doubles from
     * {@code retryInitial} up to {@code retryMax}, and while the current certificate is still valid it is also at
     * most a tenth of its remaining time (at least 1 s), so a failing renewal gets several more tries before expiry.
     * The delay is drawn uniformly from {@code [0, bound]} (full jitter, so a Vault outage does not end in a
     * synchronized storm) but is never below 1 s. Never gives up: past expiry it keeps retrying at the cap.
     *
     * @param notAfter the current certificate's expiry, {@code null} when there is none yet
     */
    public Duration retryDelay(int consecutiveFailures, Instant now, Instant notAfter) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures must be at least 1, was " + consecutiveFailures);
        }
        Duration cap = settings.retryMax();
        if (notAfter != null && notAfter.isAfter(now)) {
            Duration tenthRemaining = Duration.between(now, notAfter).dividedBy(10);
            tenthRemaining = tenthRemaining.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : tenthRemaining;
            cap = tenthRemaining.compareTo(cap) < 0 ? tenthRemaining : cap;
        }
        // the client's one exponential backoff with full jitter; only its cap is the exporter's own
        Duration delay = new Backoff(new RetrySettings(1, settings.retryInitial(), cap, cap), random)
                .delay(consecutiveFailures, null);
        return delay.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : delay;
    }

    public RenewalSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "RenewalPolicy[" + settings + "]";
    }
}

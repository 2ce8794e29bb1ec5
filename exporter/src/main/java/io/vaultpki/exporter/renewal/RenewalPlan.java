package io.vaultpki.exporter.renewal;

import java.time.Duration;
import java.time.Instant;

/**
 * When one certificate is to be renewed.
 *
 * @param renewAt           the renewal instant, jitter included
 * @param lifetimeShortened Vault issued a lifetime so short that the configured window would renew almost at once;
 *                          the loop guard fell back to renewing at 2/3 of it (metric {@code ..._lifetime_shortened})
 * @param issuedLifetime    the certificate's actual lifetime, notAfter minus notBefore
 */
public record RenewalPlan(Instant renewAt, boolean lifetimeShortened, Duration issuedLifetime) {
}

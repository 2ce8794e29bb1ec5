package io.vaultpki.client.pki;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET :mount/config/auto-tidy} (Vault 1.12+,
 * https://developer.hashicorp.com/vault/api-docs/secret/pki#read-automatic-tidy-configuration). Vault sends the
 * interval and buffers as int seconds and {@code pause_duration} as a Go duration string; fields a version lacks are
 * empty.
 *
 * @param enabled                {@code enabled}
 * @param interval               {@code interval_duration}
 * @param pauseDuration          {@code pause_duration} (1.12.3+)
 * @param safetyBuffer           {@code safety_buffer}
 * @param issuerSafetyBuffer     {@code issuer_safety_buffer}
 * @param tidyCertStore          {@code tidy_cert_store}
 * @param tidyRevokedCerts       {@code tidy_revoked_certs}
 * @param tidyRevokedAssociations {@code tidy_revoked_cert_issuer_associations}
 * @param tidyExpiredIssuers     {@code tidy_expired_issuers}
 * @param tidyAcme               {@code tidy_acme} (1.14+)
 * @param maintainCounts         {@code maintain_stored_certificate_counts} (1.13+): {@code tidy-status} then counts
 */
public record AutoTidyConfig(boolean enabled, Duration interval, Optional<Duration> pauseDuration,
                             Optional<Duration> safetyBuffer, Optional<Duration> issuerSafetyBuffer,
                             boolean tidyCertStore, boolean tidyRevokedCerts, Optional<Boolean> tidyRevokedAssociations,
                             Optional<Boolean> tidyExpiredIssuers, Optional<Boolean> tidyAcme,
                             Optional<Boolean> maintainCounts) {
}

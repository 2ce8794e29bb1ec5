package io.vaultpki.emulator.pki;

import java.time.Duration;

/**
 * A mount's {@code config/auto-tidy} (Vault 1.12+), as {@code PkiMount#autoTidy} sets it and
 * {@code GET config/auto-tidy} returns it
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-automatic-tidy-configuration; fields, types and
 * defaults from {@code getTidyConfigData} and {@code defaultTidyConfig} in
 * https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/path_tidy.go). Vault returns the buffers and the
 * interval as int seconds and {@code pause_duration} as a Go duration string.
 *
 * @param enabled                  {@code enabled}
 * @param interval                 {@code interval_duration} (default 12h)
 * @param pauseDuration            {@code pause_duration} (default 0s)
 * @param safetyBuffer             {@code safety_buffer} (default 72h)
 * @param issuerSafetyBuffer       {@code issuer_safety_buffer} (default 365d)
 * @param tidyCertStore            {@code tidy_cert_store}
 * @param tidyRevokedCerts         {@code tidy_revoked_certs}
 * @param tidyRevokedAssociations  {@code tidy_revoked_cert_issuer_associations}
 * @param tidyExpiredIssuers       {@code tidy_expired_issuers}
 * @param tidyAcme                 {@code tidy_acme}
 * @param maintainCounts           {@code maintain_stored_certificate_counts}: {@code tidy-status} then reports
 *                                 {@code current_cert_store_count} and {@code current_revoked_cert_count}
 * @param publishCountMetrics      {@code publish_stored_certificate_count_metrics}
 */
public record AutoTidyConfig(boolean enabled, Duration interval, Duration pauseDuration, Duration safetyBuffer,
                             Duration issuerSafetyBuffer, boolean tidyCertStore, boolean tidyRevokedCerts,
                             boolean tidyRevokedAssociations, boolean tidyExpiredIssuers, boolean tidyAcme,
                             boolean maintainCounts, boolean publishCountMetrics) {

    /** Vault's {@code defaultTidyConfig}: off, every 12h, nothing to tidy. */
    public static AutoTidyConfig defaults() {
        return new AutoTidyConfig(false, Duration.ofHours(12), Duration.ZERO, Duration.ofHours(72),
                Duration.ofDays(365), false, false, false, false, false, false, false);
    }

    /** Enabled every {@code interval}, tidying the certificate store and revoked certificates. */
    public AutoTidyConfig withEnabled(boolean value, Duration everyInterval) {
        return new AutoTidyConfig(value, everyInterval, pauseDuration, safetyBuffer, issuerSafetyBuffer,
                value || tidyCertStore, value || tidyRevokedCerts, tidyRevokedAssociations, tidyExpiredIssuers,
                tidyAcme, maintainCounts, publishCountMetrics);
    }

    public AutoTidyConfig withPauseDuration(Duration value) {
        return new AutoTidyConfig(enabled, interval, value, safetyBuffer, issuerSafetyBuffer, tidyCertStore,
                tidyRevokedCerts, tidyRevokedAssociations, tidyExpiredIssuers, tidyAcme, maintainCounts,
                publishCountMetrics);
    }

    public AutoTidyConfig withSafetyBuffer(Duration value) {
        return new AutoTidyConfig(enabled, interval, pauseDuration, value, issuerSafetyBuffer, tidyCertStore,
                tidyRevokedCerts, tidyRevokedAssociations, tidyExpiredIssuers, tidyAcme, maintainCounts,
                publishCountMetrics);
    }

    /** The store operations: {@code tidy_cert_store}, {@code tidy_revoked_certs}. */
    public AutoTidyConfig withTidy(boolean certStore, boolean revokedCerts) {
        return new AutoTidyConfig(enabled, interval, pauseDuration, safetyBuffer, issuerSafetyBuffer, certStore,
                revokedCerts, tidyRevokedAssociations, tidyExpiredIssuers, tidyAcme, maintainCounts,
                publishCountMetrics);
    }

    /** {@code maintain_stored_certificate_counts} and {@code publish_stored_certificate_count_metrics}. */
    public AutoTidyConfig withCounts(boolean maintain, boolean publish) {
        return new AutoTidyConfig(enabled, interval, pauseDuration, safetyBuffer, issuerSafetyBuffer, tidyCertStore,
                tidyRevokedCerts, tidyRevokedAssociations, tidyExpiredIssuers, tidyAcme, maintain, publish);
    }
}

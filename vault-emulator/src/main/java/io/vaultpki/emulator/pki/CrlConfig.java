package io.vaultpki.emulator.pki;

import java.time.Duration;

/**
 * A mount's {@code config/crl}, as {@code PkiMount#crlConfig} sets it and {@code GET config/crl} returns it
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-crl-configuration; fields and defaults from
 * {@code crlConfig} in https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/path_config_crl.go).
 * Durations are returned as the Go strings they were written as ({@code 72h}); the emulator writes them in
 * {@code GoText.duration} form.
 *
 * @param expiry                    CRL lifetime ({@code expiry}, default 72h); also the emulator's CRL nextUpdate
 * @param disable                   {@code disable}: CRLs are built empty
 * @param ocspDisable               {@code ocsp_disable}
 * @param ocspExpiry                {@code ocsp_expiry} (default 12h)
 * @param autoRebuild               {@code auto_rebuild}: a revocation no longer rebuilds the complete CRL; it is rebuilt
 *                                  when {@code autoRebuildGracePeriod} before its nextUpdate
 * @param autoRebuildGracePeriod    {@code auto_rebuild_grace_period} (default 12h)
 * @param enableDelta               {@code enable_delta}: revocations since the complete CRL go on the delta CRL
 * @param deltaRebuildInterval      {@code delta_rebuild_interval} (default 15m)
 * @param crossClusterRevocation    {@code cross_cluster_revocation} (Vault 1.13+, Enterprise semantics)
 * @param unifiedCrl                {@code unified_crl} (Vault 1.13+)
 * @param unifiedCrlOnExistingPaths {@code unified_crl_on_existing_paths} (Vault 1.13+)
 */
public record CrlConfig(Duration expiry, boolean disable, boolean ocspDisable, Duration ocspExpiry,
                        boolean autoRebuild, Duration autoRebuildGracePeriod, boolean enableDelta,
                        Duration deltaRebuildInterval, boolean crossClusterRevocation, boolean unifiedCrl,
                        boolean unifiedCrlOnExistingPaths) {

    /** Vault's {@code defaultCrlConfig}. */
    public static CrlConfig defaults() {
        return new CrlConfig(Duration.ofHours(72), false, false, Duration.ofHours(12), false, Duration.ofHours(12),
                false, Duration.ofMinutes(15), false, false, false);
    }

    public CrlConfig withExpiry(Duration value) {
        return new CrlConfig(value, disable, ocspDisable, ocspExpiry, autoRebuild, autoRebuildGracePeriod,
                enableDelta, deltaRebuildInterval, crossClusterRevocation, unifiedCrl, unifiedCrlOnExistingPaths);
    }

    public CrlConfig withDisable(boolean value) {
        return new CrlConfig(expiry, value, ocspDisable, ocspExpiry, autoRebuild, autoRebuildGracePeriod,
                enableDelta, deltaRebuildInterval, crossClusterRevocation, unifiedCrl, unifiedCrlOnExistingPaths);
    }

    /** {@code auto_rebuild} with its grace period. */
    public CrlConfig withAutoRebuild(boolean value, Duration gracePeriod) {
        return new CrlConfig(expiry, disable, ocspDisable, ocspExpiry, value, gracePeriod,
                enableDelta, deltaRebuildInterval, crossClusterRevocation, unifiedCrl, unifiedCrlOnExistingPaths);
    }

    /** {@code enable_delta} with its rebuild interval (Vault requires {@code auto_rebuild} for it). */
    public CrlConfig withDelta(boolean value, Duration rebuildInterval) {
        return new CrlConfig(expiry, disable, ocspDisable, ocspExpiry, autoRebuild, autoRebuildGracePeriod,
                value, rebuildInterval, crossClusterRevocation, unifiedCrl, unifiedCrlOnExistingPaths);
    }

    public CrlConfig withOcspDisable(boolean value) {
        return new CrlConfig(expiry, disable, value, ocspExpiry, autoRebuild, autoRebuildGracePeriod,
                enableDelta, deltaRebuildInterval, crossClusterRevocation, unifiedCrl, unifiedCrlOnExistingPaths);
    }

    /** The three unified/cross-cluster flags. */
    public CrlConfig withUnified(boolean crossCluster, boolean unified, boolean onExistingPaths) {
        return new CrlConfig(expiry, disable, ocspDisable, ocspExpiry, autoRebuild, autoRebuildGracePeriod,
                enableDelta, deltaRebuildInterval, crossCluster, unified, onExistingPaths);
    }
}

package io.vaultpki.client.pki;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET :mount/config/crl} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-crl-configuration).
 * Vault 1.10 returns only {@code expiry} and {@code disable}; the other fields are empty on versions that lack them.
 * The field is {@code disable}: the CLI's {@code crl_validity_period} check reads {@code disabled}, which Vault never
 * sends (https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_crl_validity_period.go).
 *
 * @param expiry                    {@code expiry}: lifetime of each complete CRL
 * @param disable                   {@code disable}: CRLs are not built (an old empty one is served)
 * @param ocspDisable               {@code ocsp_disable} (1.12+)
 * @param autoRebuild               {@code auto_rebuild} (1.12+)
 * @param autoRebuildGracePeriod    {@code auto_rebuild_grace_period} (1.12+)
 * @param enableDelta               {@code enable_delta} (1.12+)
 * @param deltaRebuildInterval      {@code delta_rebuild_interval} (1.12+)
 * @param crossClusterRevocation    {@code cross_cluster_revocation} (Vault 1.13+)
 * @param unifiedCrl                {@code unified_crl} (Vault 1.13+)
 * @param unifiedCrlOnExistingPaths {@code unified_crl_on_existing_paths} (Vault 1.13+)
 */
public record CrlConfig(Duration expiry, boolean disable, Optional<Boolean> ocspDisable,
                        Optional<Boolean> autoRebuild, Optional<Duration> autoRebuildGracePeriod,
                        Optional<Boolean> enableDelta, Optional<Duration> deltaRebuildInterval,
                        Optional<Boolean> crossClusterRevocation, Optional<Boolean> unifiedCrl,
                        Optional<Boolean> unifiedCrlOnExistingPaths) {
}

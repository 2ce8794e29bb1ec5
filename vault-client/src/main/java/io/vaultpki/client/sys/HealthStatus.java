package io.vaultpki.client.sys;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET sys/health} (https://developer.hashicorp.com/vault/api-docs/system/health).
 *
 * @param initialized        whether Vault is initialised
 * @param sealed             whether it is sealed
 * @param standby            whether this node is a standby
 * @param performanceStandby Enterprise performance standby (always false on OpenBao)
 * @param version            server version, e.g. {@code 1.17.3} or {@code 2.1.0}
 * @param clusterName        empty while sealed
 * @param clusterId          empty while sealed
 * @param serverTime         server clock, when reported
 */
public record HealthStatus(boolean initialized, boolean sealed, boolean standby, boolean performanceStandby,
                           String version, String clusterName, String clusterId, Optional<Instant> serverTime) {

    /** Initialised, unsealed and active: the node serves requests itself. */
    public boolean isActive() {
        return initialized && !sealed && !standby && !performanceStandby;
    }
}

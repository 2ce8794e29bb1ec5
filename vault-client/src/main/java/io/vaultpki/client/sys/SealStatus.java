package io.vaultpki.client.sys;

/**
 * {@code GET sys/seal-status} (https://developer.hashicorp.com/vault/api-docs/system/seal-status).
 *
 * @param type        seal type, e.g. {@code shamir}
 * @param initialized whether Vault is initialised
 * @param sealed      whether it is sealed
 * @param threshold   unseal keys needed ({@code t})
 * @param shares      unseal key shares ({@code n})
 * @param progress    keys provided so far
 * @param version     server version
 * @param clusterName empty while sealed
 */
public record SealStatus(String type, boolean initialized, boolean sealed, int threshold, int shares, int progress,
                         String version, String clusterName) {
}

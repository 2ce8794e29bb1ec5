package io.vaultpki.client.pki;

/**
 * {@code GET :mount/config/cluster} (Vault 1.13+,
 * https://developer.hashicorp.com/vault/api-docs/secret/pki#read-cluster-configuration).
 *
 * @param path    {@code path}: this cluster's URL of the mount ({@code ""} when unset); ACME needs it, over https
 * @param aiaPath {@code aia_path}: the same for AIA URLs ({@code ""} when unset)
 */
public record ClusterConfig(String path, String aiaPath) {
}

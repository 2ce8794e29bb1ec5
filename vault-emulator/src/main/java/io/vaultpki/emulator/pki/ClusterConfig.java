package io.vaultpki.emulator.pki;

/**
 * A mount's {@code config/cluster} (Vault 1.13+), as {@code PkiMount#clusterConfig} sets it and
 * {@code GET config/cluster} returns it (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-cluster-configuration;
 * {@code pathReadCluster} in https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/path_config_cluster.go).
 *
 * @param path    {@code path}: this cluster's URL to the mount, e.g. {@code https://vault.example:8200/v1/pki}; ACME
 *                needs it
 * @param aiaPath {@code aia_path}: the same for AIA URLs, may be plain http
 */
public record ClusterConfig(String path, String aiaPath) {

    public ClusterConfig {
        path = path == null ? "" : path;
        aiaPath = aiaPath == null ? "" : aiaPath;
    }

    /** Nothing set: both {@code ""}. */
    public static ClusterConfig defaults() {
        return new ClusterConfig("", "");
    }
}

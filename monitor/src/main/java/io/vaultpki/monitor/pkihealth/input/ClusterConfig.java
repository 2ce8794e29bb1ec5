package io.vaultpki.monitor.pkihealth.input;

/**
 * {@code <mount>/config/cluster} (https://developer.hashicorp.com/vault/api-docs/secret/pki#set-cluster-configuration).
 *
 * @param path the mount's URL as clients reach this cluster (e.g. {@code https://vault.example:8200/v1/pki}),
 *             {@code ""} when unset; ACME answers under it
 */
public record ClusterConfig(String path) {

    public ClusterConfig {
        path = path == null ? "" : path.strip();
    }
}

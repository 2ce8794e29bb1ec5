package io.vaultpki.client.config;

import io.vaultpki.client.EnvironmentSettings;
import io.vaultpki.client.RetrySettings;
import io.vaultpki.client.TlsSettings;
import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.VaultSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Merges {@code vault.*} settings over the Vault CLI's environment variables. A configured setting removes its
 * variable before the environment is read, so a stale variable never fails start-up when the setting overrides
 * it, and every error names the setting the user actually wrote ({@code vault.tls.ca-cert} or {@code VAULT_CACERT}).
 */
public final class VaultSettingsResolver {

    private VaultSettingsResolver() {
    }

    public static VaultSettings resolve(VaultConfiguration config, Map<String, String> environment) {
        VaultConfiguration.Tls tls = config.getTls();
        Map<String, String> env = new HashMap<>(environment);
        dropIfSet(env, "VAULT_ADDR", config.getAddress());
        dropIfSet(env, "VAULT_NAMESPACE", config.getNamespace());
        dropIfSet(env, "VAULT_CACERT", tls.getCaCert());
        dropIfSet(env, "VAULT_CAPATH", tls.getCaPath());
        dropIfSet(env, "VAULT_SKIP_VERIFY", tls.getSkipVerify());
        dropIfSet(env, "VAULT_TLS_SERVER_NAME", tls.getServerName());
        dropIfSet(env, "VAULT_CLIENT_TIMEOUT", config.getReadTimeout());
        dropIfSet(env, "VAULT_MAX_RETRIES", config.getMaxRetries());
        if (tls.getClientCert() != null || tls.getClientKey() != null) {
            env.remove("VAULT_CLIENT_CERT");
            env.remove("VAULT_CLIENT_KEY");
        }
        VaultSettings fromEnv = EnvironmentSettings.fromEnvironment(env);

        VaultSettings.Builder b = fromEnv.toBuilder().allowRootToken(config.isAllowRootToken());
        if (config.getAddress() != null) {
            b.address(config.getAddress());
        }
        if (config.getNamespace() != null) {
            b.namespace(config.getNamespace());
        }
        if (config.getConnectTimeout() != null) {
            b.connectTimeout(config.getConnectTimeout());
        }
        if (config.getReadTimeout() != null) {
            b.readTimeout(config.getReadTimeout());
        }
        if (config.getMaxConcurrency() != null) {
            b.maxConcurrency(config.getMaxConcurrency());
        }
        if (config.getMaxRetries() != null) {
            if (config.getMaxRetries() < 0) {
                throw new VaultConfigurationException("vault.max-retries", "must not be negative, was " + config.getMaxRetries());
            }
            b.retry(RetrySettings.defaults().withMaxAttempts(config.getMaxRetries() + 1));
        }
        b.tls(mergeTls(fromEnv.tls(), tls));
        return b.build();
    }

    /**
     * Whether the client falls back to {@link VaultSettings#DEFAULT_ADDRESS} ({@code https://127.0.0.1:8200}, the
     * Vault CLI's default) because neither {@code vault.address} nor {@code VAULT_ADDR} is set (an empty
     * {@code VAULT_ADDR} is unset, as for the CLI). Applications use it to tell a first-time user which address they
     * would talk to.
     *
     * @param configuredAddress the {@code vault.address} setting, or null
     * @param environment       the process environment
     */
    public static boolean usesDefaultAddress(String configuredAddress, Map<String, String> environment) {
        String variable = environment.get("VAULT_ADDR");
        return (configuredAddress == null || configuredAddress.isBlank()) && (variable == null || variable.isEmpty());
    }

    private static TlsSettings mergeTls(TlsSettings env, VaultConfiguration.Tls cfg) {
        boolean clientFromConfig = cfg.getClientCert() != null || cfg.getClientKey() != null;
        if (clientFromConfig && (cfg.getClientCert() == null || cfg.getClientKey() == null)) {
            throw new VaultConfigurationException(cfg.getClientCert() == null ? "vault.tls.client-cert" : "vault.tls.client-key",
                    "vault.tls.client-cert and vault.tls.client-key must be set together");
        }
        return new TlsSettings(
                cfg.getCaCert() != null ? Path.of(cfg.getCaCert()) : env.caCert(),
                cfg.getCaPath() != null ? Path.of(cfg.getCaPath()) : env.caPath(),
                clientFromConfig ? Path.of(cfg.getClientCert()) : env.clientCert(),
                clientFromConfig ? Path.of(cfg.getClientKey()) : env.clientKey(),
                cfg.getSkipVerify() != null ? cfg.getSkipVerify() : env.skipVerify(),
                cfg.getServerName() != null ? cfg.getServerName() : env.tlsServerName());
    }

    private static void dropIfSet(Map<String, String> env, String variable, Object setting) {
        if (setting != null) {
            env.remove(variable);
        }
    }
}

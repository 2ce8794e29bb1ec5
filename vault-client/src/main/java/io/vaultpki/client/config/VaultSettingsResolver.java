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
        VaultConfiguration.Tls tls = config.tls();
        Map<String, String> env = new HashMap<>(environment);
        dropIfSet(env, "VAULT_ADDR", config.address());
        dropIfSet(env, "VAULT_NAMESPACE", config.namespace());
        dropIfSet(env, "VAULT_CACERT", tls.caCert());
        dropIfSet(env, "VAULT_CAPATH", tls.caPath());
        dropIfSet(env, "VAULT_SKIP_VERIFY", tls.skipVerify());
        dropIfSet(env, "VAULT_TLS_SERVER_NAME", tls.serverName());
        dropIfSet(env, "VAULT_CLIENT_TIMEOUT", config.readTimeout());
        dropIfSet(env, "VAULT_MAX_RETRIES", config.maxRetries());
        if (tls.clientCert() != null || tls.clientKey() != null) {
            env.remove("VAULT_CLIENT_CERT");
            env.remove("VAULT_CLIENT_KEY");
        }
        VaultSettings fromEnv = EnvironmentSettings.fromEnvironment(env);

        VaultSettings.Builder b = fromEnv.toBuilder().allowRootToken(config.allowRootToken());
        if (config.address() != null) {
            b.address(config.address());
        }
        if (config.namespace() != null) {
            b.namespace(config.namespace());
        }
        if (config.connectTimeout() != null) {
            b.connectTimeout(config.connectTimeout());
        }
        if (config.readTimeout() != null) {
            b.readTimeout(config.readTimeout());
        }
        b.maxConcurrency(config.maxConcurrency());
        if (config.maxRetries() != null) {
            if (config.maxRetries() < 0) {
                throw new VaultConfigurationException("vault.max-retries", "must not be negative, was " + config.maxRetries());
            }
            b.retry(RetrySettings.defaults().withMaxAttempts(config.maxRetries() + 1));
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
        boolean clientFromConfig = cfg.clientCert() != null || cfg.clientKey() != null;
        if (clientFromConfig && (cfg.clientCert() == null || cfg.clientKey() == null)) {
            throw new VaultConfigurationException(cfg.clientCert() == null ? "vault.tls.client-cert" : "vault.tls.client-key",
                    "vault.tls.client-cert and vault.tls.client-key must be set together");
        }
        return new TlsSettings(
                cfg.caCert() != null ? Path.of(cfg.caCert()) : env.caCert(),
                cfg.caPath() != null ? Path.of(cfg.caPath()) : env.caPath(),
                clientFromConfig ? Path.of(cfg.clientCert()) : env.clientCert(),
                clientFromConfig ? Path.of(cfg.clientKey()) : env.clientKey(),
                cfg.skipVerify() != null ? cfg.skipVerify() : env.skipVerify(),
                cfg.serverName() != null ? cfg.serverName() : env.tlsServerName());
    }

    private static void dropIfSet(Map<String, String> env, String variable, Object setting) {
        if (setting != null) {
            env.remove(variable);
        }
    }
}

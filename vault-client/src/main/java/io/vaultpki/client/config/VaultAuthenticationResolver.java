package io.vaultpki.client.config;

import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.auth.AppRoleAuthOptions;
import io.vaultpki.client.auth.AppRoleAuthentication;
import io.vaultpki.client.auth.AutoAuthentication;
import io.vaultpki.client.auth.CertAuthOptions;
import io.vaultpki.client.auth.CertAuthentication;
import io.vaultpki.client.auth.CredentialSupplier;
import io.vaultpki.client.auth.JwtAuthOptions;
import io.vaultpki.client.auth.JwtAuthentication;
import io.vaultpki.client.auth.KubernetesAuthOptions;
import io.vaultpki.client.auth.KubernetesAuthentication;
import io.vaultpki.client.auth.TokenAuthentication;
import io.vaultpki.client.auth.TokenFileAuthentication;
import io.vaultpki.client.auth.UserpassAuthOptions;
import io.vaultpki.client.auth.UserpassAuthentication;
import io.vaultpki.client.auth.VaultAuthentication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the {@link VaultAuthentication} that {@code vault.auth.method} names, checking at start-up that its
 * credentials can be found, with an error that names the missing setting. The Python exporter's variables keep
 * their meaning: {@code VAULT_TOKEN}, {@code VAULT_ROLE} (Kubernetes role) and {@code VAULT_MOUNT_POINT}
 * (Kubernetes auth mount).
 */
public final class VaultAuthenticationResolver {

    private VaultAuthenticationResolver() {
    }

    /**
     * @param home the user's home directory, where {@code .vault-token} is looked for
     */
    public static VaultAuthentication resolve(VaultConfiguration config, VaultSettings settings,
                                              Map<String, String> env, Path home) {
        VaultConfiguration.Auth auth = config.auth();
        AuthMethod method = AuthMethod.parse("vault.auth.method", auth.method());
        String token = first(config.token(), env.get("VAULT_TOKEN"));
        String role = first(auth.role(), env.get("VAULT_ROLE"));
        return switch (method) {
            case AUTO -> auto(auth, env, home, token, role);
            case TOKEN -> new TokenAuthentication(VaultToken.of(required(token, "vault.token (or VAULT_TOKEN)", method)));
            case TOKEN_FILE -> new TokenFileAuthentication(existingFile("vault.auth.token-file",
                    auth.tokenFile() != null ? Path.of(auth.tokenFile()) : home.resolve(TokenFileAuthentication.DEFAULT_FILE_NAME)));
            case KUBERNETES -> new KubernetesAuthentication(new KubernetesAuthOptions(
                    first(auth.mount(), env.get("VAULT_MOUNT_POINT"), KubernetesAuthOptions.DEFAULT_MOUNT),
                    required(role, "vault.auth.role (or VAULT_ROLE)", method),
                    CredentialSupplier.ofFile(existingFile("vault.auth.jwt-file", jwtFile(auth, KubernetesAuthOptions.DEFAULT_JWT_PATH)))));
            case APPROLE -> new AppRoleAuthentication(new AppRoleAuthOptions(
                    first(auth.mount(), AppRoleAuthOptions.DEFAULT_MOUNT),
                    required(auth.roleId(), "vault.auth.role-id", method),
                    secret(auth.secretId(), auth.secretIdFile(), "vault.auth.secret-id", "vault.auth.secret-id-file", method)));
            case JWT -> new JwtAuthentication(new JwtAuthOptions(
                    first(auth.mount(), JwtAuthOptions.DEFAULT_MOUNT), role,
                    CredentialSupplier.ofFile(existingFile("vault.auth.jwt-file", jwtFile(auth, JwtAuthOptions.defaultJwtPath(env))))));
            case USERPASS -> new UserpassAuthentication(new UserpassAuthOptions(
                    first(auth.mount(), UserpassAuthOptions.DEFAULT_MOUNT),
                    required(auth.username(), "vault.auth.username", method),
                    secret(auth.password(), auth.passwordFile(), "vault.auth.password", "vault.auth.password-file", method)));
            case CERT -> {
                if (settings.tls().clientCert() == null) {
                    throw new VaultConfigurationException("vault.tls.client-cert",
                            "vault.auth.method=cert logs in with the TLS client certificate: set vault.tls.client-cert and vault.tls.client-key (or VAULT_CLIENT_CERT and VAULT_CLIENT_KEY)");
                }
                yield new CertAuthentication(new CertAuthOptions(first(auth.mount(), CertAuthOptions.DEFAULT_MOUNT), auth.certName()));
            }
        };
    }

    /**
     * The Python exporter's order. Checked now rather than at the first login, so a pod without any credential
     * fails at start-up with the list of what was tried.
     */
    private static VaultAuthentication auto(VaultConfiguration.Auth auth, Map<String, String> env, Path home,
                                            String token, String role) {
        Path saToken = jwtFile(auth, KubernetesAuthOptions.DEFAULT_JWT_PATH);
        Path tokenFile = home.resolve(TokenFileAuthentication.DEFAULT_FILE_NAME);
        if (token == null && !Files.isRegularFile(tokenFile)) {
            if (role == null) {
                throw new VaultConfigurationException("vault.auth.method",
                        "auto found no Vault credentials: set VAULT_TOKEN (vault.token), write " + tokenFile
                                + ", or set VAULT_ROLE (vault.auth.role) for Kubernetes login");
            }
            existingFile("vault.auth.jwt-file", saToken);
        }
        Map<String, String> merged = new HashMap<>(env);
        put(merged, "VAULT_TOKEN", token);
        put(merged, "VAULT_ROLE", role);
        put(merged, "VAULT_MOUNT_POINT", first(auth.mount(), env.get("VAULT_MOUNT_POINT")));
        return new AutoAuthentication(merged, home, saToken);
    }

    private static Path jwtFile(VaultConfiguration.Auth auth, Path defaultPath) {
        return auth.jwtFile() != null ? Path.of(auth.jwtFile()) : defaultPath;
    }

    private static CredentialSupplier secret(String value, String file, String valueSetting, String fileSetting,
                                             AuthMethod method) {
        if (file != null) {
            return CredentialSupplier.ofFile(existingFile(fileSetting, Path.of(file)));
        }
        return CredentialSupplier.of(required(value, valueSetting + " or " + fileSetting, method));
    }

    private static Path existingFile(String setting, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VaultConfigurationException(setting, "file " + file + " does not exist");
        }
        return file;
    }

    private static String required(String value, String setting, AuthMethod method) {
        if (value == null || value.isBlank()) {
            throw new VaultConfigurationException(setting.split(" ")[0],
                    setting + " must be set when vault.auth.method=" + method.value());
        }
        return value;
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value == null) {
            env.remove(key);
        } else {
            env.put(key, value);
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}

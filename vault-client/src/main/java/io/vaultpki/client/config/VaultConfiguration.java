package io.vaultpki.client.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code vault.*} settings, bound once at start-up and immutable. A setting that the Vault CLI also reads from
 * the environment ({@code VAULT_ADDR}, {@code VAULT_CACERT}, ...) has no default here: left unset, it falls back to
 * that variable and then to the CLI's default, so a setting written here always wins over the environment.
 * {@link VaultSettingsResolver} (with {@code EnvironmentSettings}, the Vault CLI's variables) and
 * {@link VaultAuthenticationResolver} ({@code VAULT_TOKEN}, {@code VAULT_ROLE}, {@code VAULT_MOUNT_POINT}) do that
 * merge, and the values they build ({@code VaultSettings}, {@code TlsSettings}, the authentication) validate
 * everything once at start-up, with a message that names the setting as the user wrote it ({@code vault.tls.ca-cert}
 * or {@code VAULT_CACERT}). Settings without a variable carry their default here.
 *
 * @param address        Vault address ({@code VAULT_ADDR}); default {@code https://127.0.0.1:8200}
 * @param token          a fixed token ({@code VAULT_TOKEN}); never logged
 * @param namespace      namespace ({@code VAULT_NAMESPACE}), Vault Enterprise and OpenBao only
 * @param allowRootToken accept a root token; refused by default because a monitor or exporter never needs one
 * @param connectTimeout TCP and TLS connect timeout; default 5 s
 * @param readTimeout    time to wait for a whole response ({@code VAULT_CLIENT_TIMEOUT}); default 30 s
 * @param maxConcurrency requests to Vault in flight at once; default 8
 * @param maxRetries     retries after the first attempt ({@code VAULT_MAX_RETRIES}); default 3
 * @param tls            {@code vault.tls.*}
 * @param auth           {@code vault.auth.*}
 */
@ConfigurationProperties(VaultConfiguration.PREFIX)
public record VaultConfiguration(@Nullable String address,
                                 @Nullable String token,
                                 @Nullable String namespace,
                                 @Bindable(defaultValue = "false") boolean allowRootToken,
                                 @Bindable(defaultValue = DEFAULT_CONNECT_TIMEOUT) Duration connectTimeout,
                                 @Nullable Duration readTimeout,
                                 @Bindable(defaultValue = DEFAULT_MAX_CONCURRENCY) int maxConcurrency,
                                 @Nullable Integer maxRetries,
                                 @NotNull Tls tls,
                                 @NotNull Auth auth) {

    /** The prefix of every setting of the client. */
    public static final String PREFIX = "vault";
    /** Default of {@code vault.connect-timeout}, as {@code VaultSettings.DEFAULT_CONNECT_TIMEOUT}. */
    public static final String DEFAULT_CONNECT_TIMEOUT = "5s";
    /** Default of {@code vault.max-concurrency}, as {@code VaultSettings.DEFAULT_MAX_CONCURRENCY}. */
    public static final String DEFAULT_MAX_CONCURRENCY = "8";

    /** Missing groups become empty ones, so a configuration built in code needs no {@code vault.tls} or {@code vault.auth}. */
    public VaultConfiguration {
        tls = Objects.requireNonNullElse(tls, Tls.NONE);
        auth = Objects.requireNonNullElse(auth, Auth.AUTO);
    }

    @Override
    public String toString() {
        // the token is a secret: say only whether one is set
        return "VaultConfiguration[address=" + address + ", token=" + (token == null ? "unset" : "****")
                + ", namespace=" + namespace + ", allowRootToken=" + allowRootToken + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxConcurrency=" + maxConcurrency
                + ", maxRetries=" + maxRetries + ", " + tls + ", " + auth + "]";
    }

    /**
     * {@code vault.tls.*}: the Vault CLI's TLS variables. Every one is optional and falls back to its variable.
     *
     * @param caCert     PEM file of CA certificates ({@code VAULT_CACERT})
     * @param caPath     directory of PEM CA certificates ({@code VAULT_CAPATH})
     * @param clientCert client certificate for mutual TLS ({@code VAULT_CLIENT_CERT})
     * @param clientKey  key of the client certificate ({@code VAULT_CLIENT_KEY})
     * @param skipVerify skip server certificate verification ({@code VAULT_SKIP_VERIFY}); for labs only
     * @param serverName name the server certificate must carry ({@code VAULT_TLS_SERVER_NAME})
     */
    @ConfigurationProperties("tls")
    public record Tls(@Nullable String caCert,
                      @Nullable String caPath,
                      @Nullable String clientCert,
                      @Nullable String clientKey,
                      @Nullable Boolean skipVerify,
                      @Nullable String serverName) {

        /** Nothing written: every value comes from the environment or the CLI's default. */
        public static final Tls NONE = new Tls(null, null, null, null, null, null);
    }

    /**
     * {@code vault.auth.*}: how to obtain a token. Secrets are never printed by {@link #toString()}.
     *
     * @param method       {@code auto} (default), {@code token}, {@code token-file}, {@code kubernetes},
     *                     {@code approle}, {@code jwt}, {@code userpass} or {@code cert}
     * @param mount        auth mount without {@code auth/} ({@code VAULT_MOUNT_POINT} for Kubernetes); default per
     *                     method
     * @param role         role for kubernetes and jwt ({@code VAULT_ROLE})
     * @param jwtFile      JWT file for kubernetes (service-account token) and jwt (e.g. a Nomad workload identity)
     * @param tokenFile    token file for {@code token-file}; default {@code ~/.vault-token}
     * @param roleId       AppRole role_id
     * @param secretId     AppRole secret_id (prefer {@code secretIdFile}); never logged
     * @param secretIdFile file holding the AppRole secret_id, re-read at each login
     * @param username     userpass user name
     * @param password     userpass password (prefer {@code passwordFile}); never logged
     * @param passwordFile file holding the userpass password, re-read at each login
     * @param certName     certificate role name for {@code cert} login (optional)
     */
    @ConfigurationProperties("auth")
    public record Auth(@Bindable(defaultValue = "auto") String method,
                       @Nullable String mount,
                       @Nullable String role,
                       @Nullable String jwtFile,
                       @Nullable String tokenFile,
                       @Nullable String roleId,
                       @Nullable String secretId,
                       @Nullable String secretIdFile,
                       @Nullable String username,
                       @Nullable String password,
                       @Nullable String passwordFile,
                       @Nullable String certName) {

        /** Method {@code auto}, nothing else written. */
        public static final Auth AUTO = new Auth(AuthMethod.AUTO.value(), null, null, null, null, null, null, null,
                null, null, null, null);

        @Override
        public String toString() {
            return "Auth[method=" + method + ", mount=" + mount + ", role=" + role + ", jwtFile=" + jwtFile
                    + ", tokenFile=" + tokenFile + ", roleId=" + (roleId == null ? "unset" : "set")
                    + ", secretId=" + (secretId == null ? "unset" : "****") + ", secretIdFile=" + secretIdFile
                    + ", username=" + username + ", password=" + (password == null ? "unset" : "****")
                    + ", passwordFile=" + passwordFile + ", certName=" + certName + "]";
        }
    }
}

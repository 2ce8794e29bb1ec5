package io.vaultpki.client.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * The {@code vault.*} settings. Every one is optional: an unset setting falls back to the Vault CLI's
 * environment variable ({@code VAULT_ADDR}, {@code VAULT_CACERT}, ...) and then to the CLI's default, so a setting
 * written here always wins over the environment. {@link VaultSettingsResolver} does the merge and the validation.
 */
@ConfigurationProperties(VaultConfiguration.PREFIX)
public class VaultConfiguration {

    public static final String PREFIX = "vault";

    private String address;
    private String token;
    private String namespace;
    private boolean allowRootToken;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Integer maxConcurrency;
    private Integer maxRetries;
    private Tls tls = new Tls();
    private Auth auth = new Auth();

    /** Vault address ({@code VAULT_ADDR}); default {@code https://127.0.0.1:8200}. */
    @Nullable
    public String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = address;
    }

    /** A fixed token ({@code VAULT_TOKEN}). Never logged. */
    @Nullable
    public String getToken() {
        return token;
    }

    public void setToken(@Nullable String token) {
        this.token = token;
    }

    /** Namespace ({@code VAULT_NAMESPACE}), Enterprise and OpenBao only. */
    @Nullable
    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(@Nullable String namespace) {
        this.namespace = namespace;
    }

    /** Accept a root token; refused by default because a monitor or exporter never needs one. */
    public boolean isAllowRootToken() {
        return allowRootToken;
    }

    public void setAllowRootToken(boolean allowRootToken) {
        this.allowRootToken = allowRootToken;
    }

    /** TCP and TLS connect timeout; default 5s. */
    @Nullable
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Time to wait for a whole response ({@code VAULT_CLIENT_TIMEOUT}); default 30s. */
    @Nullable
    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Requests to Vault in flight at once; default 8. */
    @Nullable
    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    /** Retries after the first attempt ({@code VAULT_MAX_RETRIES}); default 3. */
    @Nullable
    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(@Nullable Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Tls getTls() {
        return tls;
    }

    public void setTls(Tls tls) {
        this.tls = tls;
    }

    public Auth getAuth() {
        return auth;
    }

    public void setAuth(Auth auth) {
        this.auth = auth;
    }

    /** {@code vault.tls.*}: the CLI's TLS variables. */
    @ConfigurationProperties("tls")
    public static class Tls {
        private String caCert;
        private String caPath;
        private String clientCert;
        private String clientKey;
        private Boolean skipVerify;
        private String serverName;

        /** PEM file of CA certificates ({@code VAULT_CACERT}). */
        @Nullable
        public String getCaCert() {
            return caCert;
        }

        public void setCaCert(@Nullable String caCert) {
            this.caCert = caCert;
        }

        /** Directory of PEM CA certificates ({@code VAULT_CAPATH}). */
        @Nullable
        public String getCaPath() {
            return caPath;
        }

        public void setCaPath(@Nullable String caPath) {
            this.caPath = caPath;
        }

        /** Client certificate for mutual TLS ({@code VAULT_CLIENT_CERT}). */
        @Nullable
        public String getClientCert() {
            return clientCert;
        }

        public void setClientCert(@Nullable String clientCert) {
            this.clientCert = clientCert;
        }

        /** Key of the client certificate ({@code VAULT_CLIENT_KEY}). */
        @Nullable
        public String getClientKey() {
            return clientKey;
        }

        public void setClientKey(@Nullable String clientKey) {
            this.clientKey = clientKey;
        }

        /** Skip server certificate verification ({@code VAULT_SKIP_VERIFY}); for labs only. */
        @Nullable
        public Boolean getSkipVerify() {
            return skipVerify;
        }

        public void setSkipVerify(@Nullable Boolean skipVerify) {
            this.skipVerify = skipVerify;
        }

        /** Name the server certificate must carry ({@code VAULT_TLS_SERVER_NAME}). */
        @Nullable
        public String getServerName() {
            return serverName;
        }

        public void setServerName(@Nullable String serverName) {
            this.serverName = serverName;
        }
    }

    /** {@code vault.auth.*}: how to obtain a token. */
    @ConfigurationProperties("auth")
    public static class Auth {
        private String method = AuthMethod.AUTO.value();
        private String mount;
        private String role;
        private String jwtFile;
        private String tokenFile;
        private String roleId;
        private String secretId;
        private String secretIdFile;
        private String username;
        private String password;
        private String passwordFile;
        private String certName;

        /** {@code auto} (default), {@code token}, {@code token-file}, {@code kubernetes}, {@code approle},
         * {@code jwt}, {@code userpass} or {@code cert}. */
        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        /** Auth mount without {@code auth/} ({@code VAULT_MOUNT_POINT} for Kubernetes); default per method. */
        @Nullable
        public String getMount() {
            return mount;
        }

        public void setMount(@Nullable String mount) {
            this.mount = mount;
        }

        /** Role for kubernetes and jwt ({@code VAULT_ROLE}). */
        @Nullable
        public String getRole() {
            return role;
        }

        public void setRole(@Nullable String role) {
            this.role = role;
        }

        /** JWT file for kubernetes (service-account token) and jwt (e.g. a Nomad workload identity). */
        @Nullable
        public String getJwtFile() {
            return jwtFile;
        }

        public void setJwtFile(@Nullable String jwtFile) {
            this.jwtFile = jwtFile;
        }

        /** Token file for {@code token-file}; default {@code ~/.vault-token}. */
        @Nullable
        public String getTokenFile() {
            return tokenFile;
        }

        public void setTokenFile(@Nullable String tokenFile) {
            this.tokenFile = tokenFile;
        }

        /** AppRole role_id. */
        @Nullable
        public String getRoleId() {
            return roleId;
        }

        public void setRoleId(@Nullable String roleId) {
            this.roleId = roleId;
        }

        /** AppRole secret_id (prefer {@link #getSecretIdFile()}). Never logged. */
        @Nullable
        public String getSecretId() {
            return secretId;
        }

        public void setSecretId(@Nullable String secretId) {
            this.secretId = secretId;
        }

        /** File holding the AppRole secret_id, re-read at each login. */
        @Nullable
        public String getSecretIdFile() {
            return secretIdFile;
        }

        public void setSecretIdFile(@Nullable String secretIdFile) {
            this.secretIdFile = secretIdFile;
        }

        /** Userpass user name. */
        @Nullable
        public String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        /** Userpass password (prefer {@link #getPasswordFile()}). Never logged. */
        @Nullable
        public String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        /** File holding the userpass password, re-read at each login. */
        @Nullable
        public String getPasswordFile() {
            return passwordFile;
        }

        public void setPasswordFile(@Nullable String passwordFile) {
            this.passwordFile = passwordFile;
        }

        /** Certificate role name for {@code cert} login (optional). */
        @Nullable
        public String getCertName() {
            return certName;
        }

        public void setCertName(@Nullable String certName) {
            this.certName = certName;
        }
    }
}

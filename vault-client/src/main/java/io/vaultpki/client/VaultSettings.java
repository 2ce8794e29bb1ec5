package io.vaultpki.client;

import io.vaultpki.client.TlsSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the client needs to reach Vault. Plain Java, immutable; build with {@link #builder()} or map the
 * Vault CLI's environment with {@link EnvironmentSettings#fromEnvironment}.
 *
 * @param address        Vault address, default {@code https://127.0.0.1:8200} (the CLI's default)
 * @param namespace      {@code X-Vault-Namespace} value, or null (Enterprise / OpenBao only)
 * @param tls            TLS options
 * @param connectTimeout TCP + TLS connect timeout, default 5 s
 * @param readTimeout    time to wait for a whole response, default 30 s (half the CLI's 60 s client timeout, so a
 *                       hung request plus a retry still fits in a one-minute scrape or probe budget)
 * @param maxConcurrency requests in flight at once, default 8
 * @param retry          retry policy
 * @param allowRootToken accept a root token (refused by default)
 */
public record VaultSettings(URI address, String namespace, TlsSettings tls, Duration connectTimeout,
                           Duration readTimeout, int maxConcurrency, RetrySettings retry, boolean allowRootToken) {

    public static final URI DEFAULT_ADDRESS = URI.create("https://127.0.0.1:8200");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONCURRENCY = 8;

    public VaultSettings {
        address = validateAddress("vault.address", Objects.requireNonNullElse(address, DEFAULT_ADDRESS).toString());
        namespace = namespace == null || namespace.isBlank() ? null : namespace.strip();
        tls = Objects.requireNonNullElse(tls, TlsSettings.DEFAULT);
        connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = Objects.requireNonNullElse(readTimeout, DEFAULT_READ_TIMEOUT);
        retry = Objects.requireNonNullElse(retry, RetrySettings.defaults());
        RetrySettings.requirePositive("vault.connect-timeout", connectTimeout);
        RetrySettings.requirePositive("vault.read-timeout", readTimeout);
        if (maxConcurrency < 1) {
            throw new VaultConfigurationException("vault.max-concurrency", "must be at least 1, was " + maxConcurrency);
        }
    }

    /** A builder with every default set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Shortcut for {@link EnvironmentSettings#fromEnvironment(java.util.Map)}. */
    public static VaultSettings fromEnvironment(java.util.Map<String, String> env) {
        return EnvironmentSettings.fromEnvironment(env);
    }

    /** A builder pre-filled with these settings. */
    public Builder toBuilder() {
        return new Builder().address(address).namespace(namespace).tls(tls).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).maxConcurrency(maxConcurrency).retry(retry).allowRootToken(allowRootToken);
    }

    /** Checks an address the way the CLI does: absolute http(s) URL with a host. */
    static URI validateAddress(String setting, String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            throw new VaultConfigurationException(setting, "not a valid URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new VaultConfigurationException(setting, "not a valid URL: " + value + " (scheme must be http or https)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new VaultConfigurationException(setting, "not a valid URL: " + value + " (no host)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new VaultConfigurationException(setting, "not a valid URL: " + value + " (query or fragment not allowed)");
        }
        return uri;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private URI address = DEFAULT_ADDRESS;
        private String namespace;
        private TlsSettings tls = TlsSettings.DEFAULT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private RetrySettings retry = RetrySettings.defaults();
        private boolean allowRootToken;

        public Builder address(URI address) {
            this.address = address;
            return this;
        }

        public Builder address(String address) {
            this.address = validateAddress("vault.address", Objects.requireNonNull(address, "address"));
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        public Builder allowRootToken(boolean allowRootToken) {
            this.allowRootToken = allowRootToken;
            return this;
        }

        /** Validates and builds; throws {@link VaultConfigurationException} naming the setting. */
        public VaultSettings build() {
            return new VaultSettings(address, namespace, tls, connectTimeout, readTimeout, maxConcurrency, retry,
                    allowRootToken);
        }
    }
}

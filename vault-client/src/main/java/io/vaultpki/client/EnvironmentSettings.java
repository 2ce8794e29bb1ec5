package io.vaultpki.client;

import io.vaultpki.client.TlsSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Maps the Vault CLI's environment variables to {@link VaultSettings} with the CLI's meaning
 * ({@code api/client.go ReadEnvironment}). Unset and empty variables keep the defaults. Errors name the variable.
 */
public final class EnvironmentSettings {

    // strconv.ParseBool
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private EnvironmentSettings() {
    }

    /**
     * Reads {@code VAULT_ADDR}, {@code VAULT_NAMESPACE}, {@code VAULT_CACERT}, {@code VAULT_CAPATH},
     * {@code VAULT_CLIENT_CERT}, {@code VAULT_CLIENT_KEY}, {@code VAULT_SKIP_VERIFY} (Go {@code strconv.ParseBool};
     * empty means false), {@code VAULT_TLS_SERVER_NAME}, {@code VAULT_CLIENT_TIMEOUT} (seconds or a Go duration such
     * as {@code 1m30s}; sets the read timeout) and {@code VAULT_MAX_RETRIES} (retries after the first attempt, as
     * in the CLI, so attempts = retries + 1).
     *
     * @throws VaultConfigurationException naming the variable when a value is invalid
     */
    public static VaultSettings fromEnvironment(Map<String, String> env) {
        VaultSettings.Builder b = VaultSettings.builder();
        String addr = get(env, "VAULT_ADDR");
        if (addr != null) {
            b.address(VaultSettings.validateAddress("VAULT_ADDR", addr));
        }
        b.namespace(get(env, "VAULT_NAMESPACE"));
        Path caCert = file(env, "VAULT_CACERT");
        Path caPath = directory(env, "VAULT_CAPATH");
        Path clientCert = file(env, "VAULT_CLIENT_CERT");
        Path clientKey = file(env, "VAULT_CLIENT_KEY");
        if ((clientCert == null) != (clientKey == null)) {
            throw new VaultConfigurationException(clientCert == null ? "VAULT_CLIENT_CERT" : "VAULT_CLIENT_KEY",
                    "VAULT_CLIENT_CERT and VAULT_CLIENT_KEY must be set together");
        }
        boolean skipVerify = parseBool("VAULT_SKIP_VERIFY", get(env, "VAULT_SKIP_VERIFY"));
        b.tls(new TlsSettings(caCert, caPath, clientCert, clientKey, skipVerify, get(env, "VAULT_TLS_SERVER_NAME")));
        String timeout = get(env, "VAULT_CLIENT_TIMEOUT");
        if (timeout != null) {
            b.readTimeout(parseDurationSecond("VAULT_CLIENT_TIMEOUT", timeout));
        }
        String retries = get(env, "VAULT_MAX_RETRIES");
        if (retries != null) {
            b.retry(RetrySettings.defaults().withMaxAttempts(parseRetries(retries) + 1));
        }
        return b.build();
    }

    /** Go's {@code strconv.ParseBool}; null or empty is false. */
    static boolean parseBool(String setting, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw new VaultConfigurationException(setting, "not a boolean: '" + value + "' (use true/false, 1/0, t/f)");
    }

    /** Vault's {@code parseutil.ParseDurationSecond}, positive only. */
    static Duration parseDurationSecond(String setting, String value) {
        Duration d = GoDurations.parse(value).orElseThrow(() -> new VaultConfigurationException(setting,
                "not a duration: '" + value.strip() + "' (use seconds or e.g. 30s, 1m30s)"));
        if (d.isZero() || d.isNegative()) {
            throw new VaultConfigurationException(setting, "must be a positive duration, was '" + value + "'");
        }
        return d;
    }

    private static int parseRetries(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new VaultConfigurationException("VAULT_MAX_RETRIES", "must not be negative, was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new VaultConfigurationException("VAULT_MAX_RETRIES", "not an integer: '" + value + "'");
        }
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private static Path file(Map<String, String> env, String name) {
        String v = get(env, name);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.isRegularFile(p)) {
            throw new VaultConfigurationException(name, "file " + p + " does not exist");
        }
        return p;
    }

    private static Path directory(Map<String, String> env, String name) {
        String v = get(env, name);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.isDirectory(p)) {
            throw new VaultConfigurationException(name, "directory " + p + " does not exist");
        }
        return p;
    }
}

package io.vaultpki.client.config;

import io.vaultpki.client.VaultConfigurationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of {@code vault.auth.method}. */
public enum AuthMethod {
    AUTO("auto"), TOKEN("token"), TOKEN_FILE("token-file"), KUBERNETES("kubernetes"), APPROLE("approle"),
    JWT("jwt"), USERPASS("userpass"), CERT("cert");

    private final String value;

    AuthMethod(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Parses a setting value; {@code token_file} is accepted as a synonym of {@code token-file}. */
    public static AuthMethod parse(String setting, String text) {
        String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AuthMethod m : values()) {
            if (m.value.equals(v)) {
                return m;
            }
        }
        throw new VaultConfigurationException(setting, "unknown method '" + text + "', expected one of "
                + Arrays.stream(values()).map(AuthMethod::value).collect(Collectors.joining(", ")));
    }
}

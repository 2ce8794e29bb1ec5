package io.vaultpki.exporter.access;

/**
 * An {@code exporter.api} setting is invalid. The message starts with the setting as written in the configuration
 * ({@code exporter.api.tokens[1].scopes: unknown scope 'admin'}) and never contains a token or a hash.
 */
public class ApiConfigurationException extends RuntimeException {

    private final String setting;

    public ApiConfigurationException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}

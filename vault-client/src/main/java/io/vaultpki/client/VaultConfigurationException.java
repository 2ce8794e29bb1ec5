package io.vaultpki.client;

/**
 * A setting is missing or invalid. The message starts with the setting's name as the user wrote it
 * ({@code VAULT_ADDR: not a valid URL: ...}, {@code vault.tls.ca-cert: file /x does not exist}).
 */
public class VaultConfigurationException extends VaultException {

    private final String setting;

    public VaultConfigurationException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    public VaultConfigurationException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
        this.setting = setting;
    }

    /** Name of the offending setting, e.g. {@code VAULT_CACERT} or {@code vault.tls.ca-cert}. */
    public String setting() {
        return setting;
    }
}

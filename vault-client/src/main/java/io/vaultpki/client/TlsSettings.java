package io.vaultpki.client;

import io.vaultpki.client.VaultConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS options with the Vault CLI's meaning.
 *
 * @param caCert        PEM file with one or more CA certificates ({@code VAULT_CACERT}); wins over {@code caPath}
 * @param caPath        directory whose files hold PEM CA certificates ({@code VAULT_CAPATH})
 * @param clientCert    PEM client certificate (chain) for mutual TLS ({@code VAULT_CLIENT_CERT})
 * @param clientKey     PEM private key of the client certificate: PKCS#8, PKCS#1 RSA or SEC1 EC
 *                      ({@code VAULT_CLIENT_KEY})
 * @param skipVerify    accept any server certificate ({@code VAULT_SKIP_VERIFY}); for tests only
 * @param tlsServerName host name the server certificate must match instead of the URL host
 *                      ({@code VAULT_TLS_SERVER_NAME})
 */
public record TlsSettings(Path caCert, Path caPath, Path clientCert, Path clientKey, boolean skipVerify,
                          String tlsServerName) {

    public static final TlsSettings DEFAULT = new TlsSettings(null, null, null, null, false, null);

    public TlsSettings {
        tlsServerName = tlsServerName == null || tlsServerName.isBlank() ? null : tlsServerName.strip();
        requireFile("vault.tls.ca-cert", caCert);
        requireFile("vault.tls.client-cert", clientCert);
        requireFile("vault.tls.client-key", clientKey);
        if (caPath != null && !Files.isDirectory(caPath)) {
            throw new VaultConfigurationException("vault.tls.ca-path", "directory " + caPath + " does not exist");
        }
        if ((clientCert == null) != (clientKey == null)) {
            throw new VaultConfigurationException(clientCert == null ? "vault.tls.client-cert" : "vault.tls.client-key",
                    "client certificate and client key must be set together");
        }
    }

    /** Whether mutual TLS is configured. */
    public boolean hasClientCertificate() {
        return clientCert != null;
    }

    private static void requireFile(String setting, Path file) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new VaultConfigurationException(setting, "file " + file + " does not exist");
        }
    }
}

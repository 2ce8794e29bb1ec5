package io.vaultpki.client.auth;

/**
 * Settings of {@link CertAuthentication}. The client certificate and key themselves belong to the transport's TLS
 * settings: Vault reads them from the TLS handshake, not from the request body.
 *
 * @param mount mount path of the cert method, without {@code auth/}
 * @param name  cert role to match, or null to let Vault try every role
 */
public record CertAuthOptions(String mount, String name) {

    public static final String DEFAULT_MOUNT = "cert";

    public CertAuthOptions {
        mount = LoginSupport.mount(mount, "vault.auth.cert.mount");
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** Mount {@code cert}, no role name. */
    public static CertAuthOptions defaults() {
        return new CertAuthOptions(DEFAULT_MOUNT, null);
    }
}

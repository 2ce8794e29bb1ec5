package io.vaultpki.client.auth;

import java.util.Objects;

/**
 * Settings of {@link UserpassAuthentication}.
 *
 * @param mount    mount path of the userpass method, without {@code auth/}
 * @param username the user (a path segment, so no {@code /})
 * @param password a value or a file re-read at each login
 */
public record UserpassAuthOptions(String mount, String username, CredentialSupplier password) {

    public static final String DEFAULT_MOUNT = "userpass";

    public UserpassAuthOptions {
        mount = LoginSupport.mount(mount, "vault.auth.userpass.mount");
        username = LoginSupport.require(username, "vault.auth.userpass.username");
        if (username.contains("/")) {
            throw new IllegalArgumentException("vault.auth.userpass.username must not contain '/'");
        }
        Objects.requireNonNull(password, "vault.auth.userpass.password must not be empty");
    }

    /** Default mount, password given as a value. */
    public static UserpassAuthOptions of(String username, String password) {
        return new UserpassAuthOptions(DEFAULT_MOUNT, username, CredentialSupplier.of(password));
    }

    /** Same options at another mount. */
    public UserpassAuthOptions withMount(String newMount) {
        return new UserpassAuthOptions(newMount, username, password);
    }
}

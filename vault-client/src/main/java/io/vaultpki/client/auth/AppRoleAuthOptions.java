package io.vaultpki.client.auth;

import java.nio.file.Path;

/**
 * Settings of {@link AppRoleAuthentication}.
 *
 * @param mount    mount path of the AppRole method, without {@code auth/}
 * @param roleId   the role ID
 * @param secretId the secret ID (a value or a file re-read at each login), or null for roles with
 *                 {@code bind_secret_id=false}
 */
public record AppRoleAuthOptions(String mount, String roleId, CredentialSupplier secretId) {

    public static final String DEFAULT_MOUNT = "approle";

    public AppRoleAuthOptions {
        mount = LoginSupport.mount(mount, "vault.auth.approle.mount");
        roleId = LoginSupport.require(roleId, "vault.auth.approle.role-id");
    }

    /** Default mount, secret ID given as a value. */
    public static AppRoleAuthOptions of(String roleId, String secretId) {
        return new AppRoleAuthOptions(DEFAULT_MOUNT, roleId, CredentialSupplier.of(secretId));
    }

    /** Default mount, secret ID re-read from a file at each login. */
    public static AppRoleAuthOptions withSecretIdFile(String roleId, Path secretIdFile) {
        return new AppRoleAuthOptions(DEFAULT_MOUNT, roleId, CredentialSupplier.ofFile(secretIdFile));
    }

    /** Same options at another mount. */
    public AppRoleAuthOptions withMount(String newMount) {
        return new AppRoleAuthOptions(newMount, roleId, secretId);
    }

    @Override
    public String toString() {
        // role IDs are semi-secret (half of the credential pair): keep them out of logs too
        return "AppRoleAuthOptions[mount=" + mount + "]";
    }
}

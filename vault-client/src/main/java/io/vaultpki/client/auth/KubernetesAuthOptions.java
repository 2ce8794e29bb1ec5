package io.vaultpki.client.auth;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of {@link KubernetesAuthentication}.
 *
 * @param mount mount path of the Kubernetes auth method, without {@code auth/}
 * @param role  Vault role bound to the service account
 * @param jwt   service-account token, re-read at each login (projected tokens rotate)
 */
public record KubernetesAuthOptions(String mount, String role, CredentialSupplier jwt) {

    public static final String DEFAULT_MOUNT = "kubernetes";
    public static final Path DEFAULT_JWT_PATH = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    public KubernetesAuthOptions {
        mount = LoginSupport.mount(mount, "vault.auth.kubernetes.mount");
        role = LoginSupport.require(role, "vault.auth.kubernetes.role");
        Objects.requireNonNull(jwt, "vault.auth.kubernetes.jwt-path must not be empty");
    }

    /** Default mount and the pod's service-account token file. */
    public static KubernetesAuthOptions forRole(String role) {
        return new KubernetesAuthOptions(DEFAULT_MOUNT, role, CredentialSupplier.ofFile(DEFAULT_JWT_PATH));
    }

    /** Same options at another mount. */
    public KubernetesAuthOptions withMount(String newMount) {
        return new KubernetesAuthOptions(newMount, role, jwt);
    }

    /** Same options reading the JWT from another file. */
    public KubernetesAuthOptions withJwtFile(Path file) {
        return new KubernetesAuthOptions(mount, role, CredentialSupplier.ofFile(file));
    }
}

package io.vaultpki.client.auth;

import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Picks a method the way the Python exporter did: {@code VAULT_TOKEN}, then {@code ~/.vault-token}, then the
 * Kubernetes service-account token when {@code VAULT_ROLE} names a role (at the auth mount
 * {@code VAULT_MOUNT_POINT}, default {@code kubernetes}). The choice is made at the first login,
 * logged once at INFO with its reason, and kept for the life of the client.
 */
public final class AutoAuthentication implements VaultAuthentication {

    public static final String METHOD = "auto";

    private static final Logger LOG = LoggerFactory.getLogger(AutoAuthentication.class);

    private final Map<String, String> environment;
    private final Path homeDirectory;
    private final Path serviceAccountTokenFile;
    private volatile VaultAuthentication chosen;

    /**
     * @param environment             process environment (injectable for tests)
     * @param homeDirectory           where {@code .vault-token} is looked for
     * @param serviceAccountTokenFile the Kubernetes service-account token
     */
    public AutoAuthentication(Map<String, String> environment, Path homeDirectory, Path serviceAccountTokenFile) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.homeDirectory = Objects.requireNonNull(homeDirectory, "homeDirectory");
        this.serviceAccountTokenFile = Objects.requireNonNull(serviceAccountTokenFile, "serviceAccountTokenFile");
    }

    /** Reads the real environment, {@code $HOME} and the standard service-account token path. */
    public static AutoAuthentication fromSystem() {
        return new AutoAuthentication(System.getenv(), HomeDirectory.of(System.getenv()),
                KubernetesAuthOptions.DEFAULT_JWT_PATH);
    }

    @Override
    public LoginToken login(VaultTransport transport) {
        return chosen().login(transport);
    }

    @Override
    public String method() {
        VaultAuthentication current = chosen;
        return current == null ? METHOD : current.method();
    }

    @Override
    public boolean canLogInAgain() {
        VaultAuthentication current = chosen;
        return current == null || current.canLogInAgain();
    }

    @Override
    public boolean credentialsChanged() {
        VaultAuthentication current = chosen;
        return current != null && current.credentialsChanged();
    }

    /** The method in use, choosing it on first call. */
    public synchronized VaultAuthentication chosen() {
        if (chosen == null) {
            chosen = choose();
        }
        return chosen;
    }

    private VaultAuthentication choose() {
        String token = environment.get("VAULT_TOKEN");
        if (token != null && !token.isBlank()) {
            LOG.info("Vault authentication: token from VAULT_TOKEN (the environment variable is set)");
            return new TokenAuthentication(VaultToken.of(token));
        }
        Path tokenFile = homeDirectory.resolve(TokenFileAuthentication.DEFAULT_FILE_NAME);
        if (Files.isRegularFile(tokenFile)) {
            LOG.info("Vault authentication: token file {} (VAULT_TOKEN is not set and the file exists)", tokenFile);
            return new TokenFileAuthentication(tokenFile);
        }
        String role = environment.get("VAULT_ROLE");
        if (role != null && !role.isBlank() && Files.isRegularFile(serviceAccountTokenFile)) {
            // VAULT_MOUNT_POINT names the Kubernetes auth mount, as in the Python exporter
            String mountPoint = environment.get("VAULT_MOUNT_POINT");
            String mount = mountPoint == null || mountPoint.isBlank() ? KubernetesAuthOptions.DEFAULT_MOUNT : mountPoint.strip();
            LOG.info("Vault authentication: kubernetes at auth/{} with role {} (VAULT_ROLE is set and {} exists)",
                    mount, role.strip(), serviceAccountTokenFile);
            return new KubernetesAuthentication(new KubernetesAuthOptions(mount, role,
                    CredentialSupplier.ofFile(serviceAccountTokenFile)));
        }
        throw new VaultLoginException(METHOD, null, "no credentials found: set VAULT_TOKEN, write " + tokenFile
                + ", or set VAULT_ROLE with a Kubernetes service-account token at " + serviceAccountTokenFile, null);
    }

    @Override
    public String toString() {
        VaultAuthentication current = chosen;
        return "AutoAuthentication[" + (current == null ? "not chosen yet" : current) + "]";
    }
}

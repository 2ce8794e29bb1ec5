package io.vaultpki.client.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link JwtAuthentication}, which also covers Nomad workload identity.
 *
 * @param mount mount path of the JWT method, without {@code auth/} (Nomad's docs use {@code jwt-nomad})
 * @param role  Vault role, or null to use the mount's {@code default_role}
 * @param jwt   the JWT, re-read at each login (Nomad rewrites identity files before they expire)
 */
public record JwtAuthOptions(String mount, String role, CredentialSupplier jwt) {

    public static final String DEFAULT_MOUNT = "jwt";
    /**
     * Where Nomad writes a task identity named {@code vault_default} with {@code file = true}, relative to the task
     * directory; {@link #defaultJwtPath(Map)} resolves it against {@code NOMAD_SECRETS_DIR}.
     */
    public static final String DEFAULT_JWT_FILE_NAME = "nomad_vault_default.jwt";

    public JwtAuthOptions {
        mount = LoginSupport.mount(mount, "vault.auth.jwt.mount");
        role = role == null || role.isBlank() ? null : role.strip();
        Objects.requireNonNull(jwt, "vault.auth.jwt.jwt-path must not be empty");
    }

    /** {@code ${NOMAD_SECRETS_DIR}/nomad_vault_default.jwt}, or {@code secrets/nomad_vault_default.jwt}. */
    public static Path defaultJwtPath(Map<String, String> environment) {
        String secrets = environment.get("NOMAD_SECRETS_DIR");
        return secrets == null || secrets.isBlank()
                ? Path.of("secrets", DEFAULT_JWT_FILE_NAME)
                : Path.of(secrets, DEFAULT_JWT_FILE_NAME);
    }

    /** Options reading the JWT from {@code jwtFile} at each login; {@code role} may be null. */
    public static JwtAuthOptions of(String mount, String role, Path jwtFile) {
        return new JwtAuthOptions(mount, role, CredentialSupplier.ofFile(jwtFile));
    }
}

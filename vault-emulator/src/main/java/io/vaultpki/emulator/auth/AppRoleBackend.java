package io.vaultpki.emulator.auth;

import io.vaultpki.emulator.go.GoJson;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.token.TokenStore;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * AppRole (https://developer.hashicorp.com/vault/api-docs/auth/approle): {@code POST auth/<mount>/login} with
 * {@code role_id} and {@code secret_id}, and the two reads a client in "pull mode" makes with an initial token
 * before it logs in (Spring Vault's {@code AppRoleAuthentication} with {@code RoleId.pull}/{@code SecretId.pull}):
 * {@code GET role/<name>/role-id} and {@code POST role/<name>/secret-id}.
 */
public final class AppRoleBackend extends LoginBackend {

    private static final Pattern ROLE_PATH = Pattern.compile("role/(?<name>[\\w.-]+)/(?<what>role-id|secret-id)");

    /** {@code secretIds} empty and {@code bindSecretId} false means {@code bind_secret_id=false}. */
    private record Role(String name, String roleId, boolean bindSecretId, Set<String> secretIds, TokenSpec spec) {
    }

    private final Map<String, Role> byRoleId = new ConcurrentHashMap<>();
    private final Map<String, Role> byName = new ConcurrentHashMap<>();

    public AppRoleBackend(TokenStore tokens, Clock clock) {
        super("approle", tokens, clock);
    }

    /** Registers a role; {@code secretId} null means {@code bind_secret_id=false}. */
    public AppRoleBackend role(String name, String roleId, String secretId, TokenSpec spec) {
        Set<String> secretIds = ConcurrentHashMap.newKeySet();
        if (secretId != null) {
            secretIds.add(secretId);
        }
        var role = new Role(name, roleId, secretId != null, secretIds, spec);
        byRoleId.put(roleId, role);
        byName.put(name, role);
        return this;
    }

    @Override
    EmulatorResponse login(EmulatorRequest request) {
        String roleId = text(request, "role_id");
        String secretId = text(request, "secret_id");
        if (roleId.isEmpty()) {
            return EmulatorResponse.error(400, "missing role_id");
        }
        Role role = byRoleId.get(roleId);
        if (role != null && role.bindSecretId() && secretId.isEmpty()) {
            return EmulatorResponse.error(400, "missing secret_id");
        }
        if (role == null || (role.bindSecretId() && !role.secretIds().contains(secretId))) {
            return EmulatorResponse.error(400, "invalid role or secret ID");
        }
        return issue(request, role.spec(), "", Map.of("role_name", role.name()));
    }

    /**
     * {@code pathRoleRoleIDRead} and {@code pathRoleSecretIDUpdate} in
     * https://github.com/openbao/openbao/blob/main/internal/builtin/credential/approle/path_role.go: an unknown role's
     * role-id reads as nothing (404 {@code {"errors":[]}}); a secret id for it is 400 {@code role "x" does not exist};
     * a role without {@code bind_secret_id} 400 {@code bind_secret_id is not set on the role}.
     */
    @Override
    EmulatorResponse manage(EmulatorRequest request) {
        var matcher = ROLE_PATH.matcher(request.relativePath());
        if (!matcher.matches()) {
            return Backend.unsupportedPath();
        }
        Role role = byName.get(matcher.group("name"));
        if (matcher.group("what").equals("role-id")) {
            if (request.operation() != Operation.READ) {
                return Backend.unsupportedOperation();
            }
            if (role == null) {
                return EmulatorResponse.notFound();
            }
            var data = GoJson.object();
            data.put("role_id", role.roleId());
            return EmulatorResponse.ok(data);
        }
        if (request.operation() != Operation.UPDATE) {
            return Backend.unsupportedOperation();
        }
        if (role == null) {
            return EmulatorResponse.error(400, "role \"" + matcher.group("name") + "\" does not exist");
        }
        if (!role.bindSecretId()) {
            return EmulatorResponse.error(400, "bind_secret_id is not set on the role");
        }
        String secretId = UUID.randomUUID().toString();
        role.secretIds().add(secretId);
        var data = GoJson.object();
        data.put("secret_id", secretId);
        data.put("secret_id_accessor", UUID.randomUUID().toString());
        data.put("secret_id_ttl", 0);
        data.put("secret_id_num_uses", 0);
        return EmulatorResponse.ok(data);
    }
}

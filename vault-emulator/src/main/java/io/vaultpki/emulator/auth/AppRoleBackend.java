package io.vaultpki.emulator.auth;

import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.token.TokenStore;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** AppRole: {@code POST auth/<mount>/login} with {@code role_id} and {@code secret_id} (https://developer.hashicorp.com/vault/api-docs/auth/approle). */
public final class AppRoleBackend extends LoginBackend {

    private record Role(String name, String roleId, String secretId, TokenSpec spec) {
    }

    private final Map<String, Role> byRoleId = new ConcurrentHashMap<>();

    public AppRoleBackend(TokenStore tokens, Clock clock) {
        super("approle", tokens, clock);
    }

    /** Registers a role; {@code secretId} null means {@code bind_secret_id=false}. */
    public AppRoleBackend role(String name, String roleId, String secretId, TokenSpec spec) {
        byRoleId.put(roleId, new Role(name, roleId, secretId, spec));
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
        if (role != null && role.secretId() != null && secretId.isEmpty()) {
            return EmulatorResponse.error(400, "missing secret_id");
        }
        if (role == null || (role.secretId() != null && !role.secretId().equals(secretId))) {
            return EmulatorResponse.error(400, "invalid role or secret ID");
        }
        return issue(request, role.spec(), "", Map.of("role_name", role.name()));
    }
}

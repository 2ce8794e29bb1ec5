package io.vaultpki.emulator.auth;

import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.token.TokenStore;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JWT / Nomad workload identity: {@code POST auth/<mount>/login} with {@code jwt} and an optional {@code role}
 * (the mount's default role otherwise). Only JWTs registered with {@link #acceptJwt} validate; Nomad claims in a
 * real JWT ({@code nomad_namespace}, {@code nomad_job_id}, {@code nomad_task}) become metadata.
 */
public final class JwtBackend extends LoginBackend {

    private static final Set<String> CLAIM_METADATA =
            Set.of("nomad_namespace", "nomad_job_id", "nomad_task", "nomad_allocation_id");

    private final Map<String, TokenSpec> roles = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private volatile String defaultRole = "";

    public JwtBackend(TokenStore tokens, Clock clock) {
        super("jwt", tokens, clock);
    }

    public JwtBackend role(String name, TokenSpec spec) {
        roles.put(name, spec);
        return this;
    }

    public JwtBackend acceptJwt(String jwt) {
        accepted.add(jwt);
        return this;
    }

    public JwtBackend rejectJwt(String jwt) {
        accepted.remove(jwt);
        return this;
    }

    public JwtBackend defaultRole(String role) {
        this.defaultRole = role;
        return this;
    }

    @Override
    EmulatorResponse login(EmulatorRequest request) {
        String role = text(request, "role");
        if (role.isEmpty()) {
            role = defaultRole;
        }
        if (role.isEmpty()) {
            return EmulatorResponse.error(400, "missing role");
        }
        TokenSpec spec = roles.get(role);
        if (spec == null) {
            return EmulatorResponse.error(400, "role \"" + role + "\" could not be found");
        }
        String jwt = text(request, "jwt").trim();
        if (jwt.isEmpty()) {
            return EmulatorResponse.error(400, "missing token");
        }
        if (!accepted.contains(jwt)) {
            return EmulatorResponse.error(400, "error validating token: failed to verify signature");
        }
        var claims = JwtClaims.of(jwt);
        var metadata = new TreeMap<String, String>();
        metadata.put("role", role);
        for (String claim : CLAIM_METADATA) {
            String value = JwtClaims.text(claims, claim);
            if (value != null) {
                metadata.put(claim, value);
            }
        }
        String subject = JwtClaims.text(claims, "sub");
        return issue(request, spec, subject == null ? "" : subject, metadata);
    }
}

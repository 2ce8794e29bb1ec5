package io.vaultpki.testkit;

import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.spi.TokenEntry;
import io.vaultpki.emulator.token.TokenSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An AppRole login on the emulator (mount {@code approle}) for an app under test, with what fault tests do to it:
 * change the TTL of the tokens it hands out, revoke every token it issued, and list every secret it has seen so a
 * log check can prove none of them was logged.
 */
public final class EmulatedAppRole {

    private static final String MOUNT = "approle";

    private final VaultEmulator emulator;
    private final String role;
    private final String roleId;
    private final String policy;
    private final String secretId = UUID.randomUUID().toString();
    private final List<String> revoked = new CopyOnWriteArrayList<>();

    public EmulatedAppRole(VaultEmulator emulator, String role, String roleId, String policy, Duration tokenTtl) {
        this.emulator = emulator;
        this.role = role;
        this.roleId = roleId;
        this.policy = policy;
        tokenTtl(tokenTtl);
    }

    public String roleId() {
        return roleId;
    }

    public String secretId() {
        return secretId;
    }

    /** Tokens issued from now on live {@code ttl} (renewable, max 24 h). */
    public void tokenTtl(Duration ttl) {
        emulator.auth().appRole(MOUNT).role(role, roleId, secretId,
                TokenSpec.builder().policies(policy).ttl(ttl).maxTtl(Duration.ofHours(24)).renewable(true).build());
    }

    /** Revokes every token an AppRole login issued, remembering them for {@link #secrets()}. */
    public void revokeIssuedTokens() {
        for (TokenEntry token : emulator.tokens().all()) {
            if (token.path().startsWith("auth/" + MOUNT + "/")) {
                revoked.add(token.id());
                emulator.tokens().revoke(token.id());
            }
        }
    }

    /** The secret ID, every revoked token and every live token: none may appear in a log line. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(revoked);
        secrets.add(secretId);
        emulator.tokens().all().forEach(t -> secrets.add(t.id()));
        return secrets;
    }
}

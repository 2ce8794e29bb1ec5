package io.vaultpki.emulator.demo;

import io.vaultpki.emulator.Policy;
import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.token.TokenSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The embedded demo Vault behind the apps' {@code --demo} flag: an emulator on a free loopback port, seeded with
 * {@link DemoScenario}, and an AppRole whose policy is the least privilege the apps need. The apps log in with that
 * AppRole exactly as in production (a root token would be refused), so the demo exercises the real login,
 * lookup and renewal path.
 */
public final class DemoVault implements AutoCloseable {

    /** The flag that starts the demo Vault. */
    public static final String FLAG = "--demo";
    public static final String POLICY = "vault-pki-demo";
    public static final String APPROLE_MOUNT = "approle";
    public static final String ROLE_ID = "vault-pki-demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoVault.class);

    private final VaultEmulator emulator;
    private final DemoScenario.Description description;
    private final String secretId;

    private DemoVault(VaultEmulator emulator, DemoScenario.Description description, String secretId) {
        this.emulator = emulator;
        this.description = description;
        this.secretId = secretId;
    }

    /** Starts and seeds a demo Vault. */
    public static DemoVault start() {
        VaultEmulator emulator = VaultEmulator.builder().flavor(Flavor.VAULT).start();
        DemoScenario.Description description = DemoScenario.seed(emulator);
        Policy.Builder policy = Policy.builder().path("sys/mounts", "read");
        for (String mount : description.mounts()) {
            policy.path(mount + "*", "read", "list", "update");
            // the mount's tune, for the PKI health checks (audit_visibility, allow_if_modified_since, ...)
            policy.path("sys/mounts/" + mount + "tune", "read");
        }
        emulator.policies().put(POLICY, policy.build());
        // a throw-away secret of a throw-away in-memory server
        String secretId = java.util.UUID.randomUUID().toString();
        emulator.auth().appRole(APPROLE_MOUNT).role("vault-pki-demo", ROLE_ID, secretId,
                TokenSpec.builder().policies(POLICY).ttl(Duration.ofHours(1)).maxTtl(Duration.ofHours(24))
                        .renewable(true).build());
        return new DemoVault(emulator, description, secretId);
    }

    /** Whether {@code args} ask for the demo ({@link #FLAG}). */
    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    /**
     * When {@code args} contain {@link #FLAG}: starts a demo Vault (stopped by a JVM shutdown hook) and returns the
     * {@code vault.*} settings that point an app at it; otherwise an empty map.
     */
    public static Map<String, Object> settingsIfRequested(String[] args) {
        return settingsIfRequested(args, demo -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                demo.close();
            } catch (Exception e) {
                LOG.warn("Could not stop the demo Vault: {}", e.toString());
            }
        }, "demo-vault-stop")));
    }

    /**
     * As {@link #settingsIfRequested(String[])}, but the demo Vault goes to {@code closeAtExit}, so that the
     * caller stops it after the application (the apps' launcher does, once Micronaut has stopped).
     */
    public static Map<String, Object> settingsIfRequested(String[] args, Consumer<AutoCloseable> closeAtExit) {
        if (!requested(args)) {
            return Map.of();
        }
        DemoVault demo = start();
        closeAtExit.accept(demo);
        LOG.info("Demo mode: embedded Vault emulator at {} with PKI mounts {} (AppRole login, no root token)",
                demo.emulator.url(), demo.description.mounts());
        return demo.settings();
    }

    /** {@code vault.*} settings for an app: the address and an AppRole login. */
    public Map<String, Object> settings() {
        return Map.of(
                "vault.address", emulator.url().toString(),
                "vault.auth.method", "approle",
                "vault.auth.mount", APPROLE_MOUNT,
                "vault.auth.role-id", ROLE_ID,
                "vault.auth.secret-id", secretId);
    }

    public VaultEmulator emulator() {
        return emulator;
    }

    public DemoScenario.Description description() {
        return description;
    }

    @Override
    public void close() {
        emulator.close();
    }

    @Override
    public String toString() {
        return "DemoVault[" + emulator.url() + "]";
    }
}

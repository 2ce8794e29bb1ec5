package io.vaultpki.exporter;

import io.vaultpki.emulator.VaultEmulator;
import io.vaultpki.emulator.demo.DemoScenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * For exporter tests that start the application: a seeded emulated Vault ({@link DemoScenario}: pki, pki_int with
 * role web, team/a/pki), a fresh export root, and the {@code vault.*} and {@code exporter.path} properties that point
 * the exporter at them (root token, no retries, 1 s read timeout, so fault tests stay fast).
 */
public final class EmulatedVault implements AutoCloseable {

    private final VaultEmulator emulator;
    private final DemoScenario.Description demo;
    private final Path exportRoot;

    private EmulatedVault(String name) {
        emulator = VaultEmulator.builder().start();
        demo = DemoScenario.seed(emulator);
        try {
            exportRoot = Files.createTempDirectory(name);
        } catch (IOException e) {
            emulator.close();
            throw new UncheckedIOException(e);
        }
    }

    public static EmulatedVault start(String name) {
        return new EmulatedVault(name);
    }

    public VaultEmulator emulator() {
        return emulator;
    }

    public DemoScenario.Description demo() {
        return demo;
    }

    public Path exportRoot() {
        return exportRoot;
    }

    /** Mutable, so a test can add its own settings. */
    public Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("vault.address", emulator.url().toString());
        p.put("vault.token", emulator.rootToken());
        p.put("vault.allow-root-token", "true");
        p.put("vault.auth.method", "token");
        p.put("vault.max-retries", "0");
        p.put("vault.read-timeout", "1s");
        p.put("exporter.path", exportRoot.toString());
        return p;
    }

    @Override
    public void close() {
        emulator.close();
    }
}

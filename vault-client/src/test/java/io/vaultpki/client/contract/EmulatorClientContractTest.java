package io.vaultpki.client.contract;

import io.vaultpki.emulator.VaultEmulator;
import org.junit.jupiter.api.AfterAll;

/** The client contract against the in-process emulator: runs everywhere. */
class EmulatorClientContractTest extends AbstractClientContractTest {

    private final VaultEmulator emulator = VaultEmulator.builder().start();
    private final VaultFixture fixture = new EmulatorFixture(emulator);

    @Override
    protected VaultFixture fixture() {
        return fixture;
    }

    @AfterAll
    void stopEmulator() {
        emulator.close();
    }
}

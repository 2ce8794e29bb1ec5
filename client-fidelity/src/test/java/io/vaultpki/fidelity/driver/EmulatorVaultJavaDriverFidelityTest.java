package io.vaultpki.fidelity.driver;

import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.fidelity.fixture.EmulatorTarget;
import io.vaultpki.fidelity.fixture.VaultTarget;
import org.junit.jupiter.api.AfterAll;

/** vault-java-driver against the emulator in Vault flavor (with Enterprise namespaces). */
class EmulatorVaultJavaDriverFidelityTest extends AbstractVaultJavaDriverFidelityTest {

    private final EmulatorTarget target = EmulatorTarget.start(Flavor.VAULT);

    @Override
    protected VaultTarget target() {
        return target;
    }

    @AfterAll
    void stopEmulator() {
        target.close();
    }
}

package io.vaultpki.fidelity.springvault;

import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.fidelity.fixture.EmulatorTarget;
import io.vaultpki.fidelity.fixture.VaultTarget;
import org.junit.jupiter.api.AfterAll;

/** Spring Vault against the emulator in Vault flavor (with Enterprise namespaces). */
class EmulatorSpringVaultFidelityTest extends AbstractSpringVaultFidelityTest {

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

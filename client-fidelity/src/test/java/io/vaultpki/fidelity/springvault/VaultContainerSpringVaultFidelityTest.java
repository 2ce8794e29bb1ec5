package io.vaultpki.fidelity.springvault;

import io.vaultpki.fidelity.fixture.ContainerTarget;
import io.vaultpki.fidelity.fixture.VaultTarget;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Spring Vault against a real HashiCorp Vault dev server; skipped where no Docker engine is reachable. */
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerSpringVaultFidelityTest extends AbstractSpringVaultFidelityTest {

    @Container
    static final GenericContainer<?> VAULT = ContainerTarget.vaultContainer();

    private VaultTarget target;

    @Override
    protected VaultTarget target() {
        if (target == null) {
            target = ContainerTarget.vault(VAULT);
        }
        return target;
    }
}

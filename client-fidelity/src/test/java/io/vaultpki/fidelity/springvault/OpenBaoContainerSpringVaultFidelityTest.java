package io.vaultpki.fidelity.springvault;

import io.vaultpki.fidelity.fixture.ContainerTarget;
import io.vaultpki.fidelity.fixture.VaultTarget;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Spring Vault against a real OpenBao dev server; skipped where no Docker engine is reachable. */
@Testcontainers(disabledWithoutDocker = true)
class OpenBaoContainerSpringVaultFidelityTest extends AbstractSpringVaultFidelityTest {

    @Container
    static final GenericContainer<?> VAULT = ContainerTarget.openBaoContainer();

    private VaultTarget target;

    @Override
    protected VaultTarget target() {
        if (target == null) {
            target = ContainerTarget.openBao(VAULT);
        }
        return target;
    }
}

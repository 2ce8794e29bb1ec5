package io.vaultpki.fidelity.driver;

import io.vaultpki.fidelity.fixture.ContainerTarget;
import io.vaultpki.fidelity.fixture.VaultTarget;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** vault-java-driver against a real HashiCorp Vault dev server; skipped where no Docker engine is reachable. */
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerVaultJavaDriverFidelityTest extends AbstractVaultJavaDriverFidelityTest {

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

package io.vaultpki.client.contract;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;

/**
 * The client contract against a real OpenBao dev server. Runs wherever a Docker engine is reachable;
 * reported as skipped elsewhere (no Vault binary can run on the project's CI machines).
 */
@Testcontainers(disabledWithoutDocker = true)
class OpenBaoContainerContractTest extends AbstractClientContractTest {

    private static final String ROOT_TOKEN = "contract-root-token";

    @Container
    @SuppressWarnings("resource")
    static final GenericContainer<?> VAULT = new GenericContainer<>("openbao/openbao:2.1.0")
            .withEnv("BAO_DEV_ROOT_TOKEN_ID", ROOT_TOKEN)
            .withEnv("BAO_DEV_LISTEN_ADDRESS", "0.0.0.0:8200")
            .withExposedPorts(8200)
            .waitingFor(Wait.forHttp("/v1/sys/health").forStatusCode(200));

    private VaultFixture fixture;

    @Override
    protected VaultFixture fixture() {
        if (fixture == null) {
            fixture = new ContainerFixture(URI.create("http://" + VAULT.getHost() + ":" + VAULT.getMappedPort(8200)), ROOT_TOKEN);
        }
        return fixture;
    }
}

package io.vaultpki.monitor.pkihealth.containers;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;

/** The health checks against a real HashiCorp Vault dev server; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class HashicorpVaultHealthChecksContainerTest extends AbstractHealthChecksContainerTest {

    @Container
    @SuppressWarnings("resource")
    static final GenericContainer<?> VAULT = new GenericContainer<>("hashicorp/vault:1.17")
            .withEnv("VAULT_DEV_ROOT_TOKEN_ID", ROOT_TOKEN)
            .withEnv("VAULT_DEV_LISTEN_ADDRESS", "0.0.0.0:8200")
            .withEnv("SKIP_SETCAP", "true")
            .withExposedPorts(8200)
            .waitingFor(Wait.forHttp("/v1/sys/health").forStatusCode(200));

    @Override
    protected URI address() {
        return URI.create("http://" + VAULT.getHost() + ":" + VAULT.getMappedPort(8200));
    }
}

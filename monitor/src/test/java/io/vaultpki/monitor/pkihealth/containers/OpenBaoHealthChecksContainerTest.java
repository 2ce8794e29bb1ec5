package io.vaultpki.monitor.pkihealth.containers;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;

/** The health checks against a real OpenBao dev server; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class OpenBaoHealthChecksContainerTest extends AbstractHealthChecksContainerTest {

    @Container
    @SuppressWarnings("resource")
    static final GenericContainer<?> BAO = new GenericContainer<>("openbao/openbao:2.1.0")
            .withEnv("BAO_DEV_ROOT_TOKEN_ID", ROOT_TOKEN)
            .withEnv("BAO_DEV_LISTEN_ADDRESS", "0.0.0.0:8200")
            .withExposedPorts(8200)
            .waitingFor(Wait.forHttp("/v1/sys/health").forStatusCode(200));

    @Override
    protected URI address() {
        return URI.create("http://" + BAO.getHost() + ":" + BAO.getMappedPort(8200));
    }
}

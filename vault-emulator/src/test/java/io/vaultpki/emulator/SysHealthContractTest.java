package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Flavor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** vault-api.md sections 2.1-2.3 and edge cases 33, 34 and 35. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SysHealthContractTest {

    private VaultEmulator vault;
    private VaultEmulator openBao;
    private VaultHttp http;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().flavor(Flavor.VAULT).version("1.17.3").start();
        openBao = VaultEmulator.builder().flavor(Flavor.OPENBAO).version("2.3.1").start();
        http = new VaultHttp(vault.url());
    }

    @AfterEach
    void heal() {
        vault.faults().clear();
        openBao.faults().clear();
    }

    @AfterAll
    void stop() {
        vault.close();
        openBao.close();
    }

    @Test
    void activeNodeAnswers200WithTheVaultBody() {
        var reply = http.get("sys/health");

        assertThat(reply.status()).isEqualTo(200);
        var body = reply.json();
        assertThat(body.get("initialized").asBoolean()).isTrue();
        assertThat(body.get("sealed").asBoolean()).isFalse();
        assertThat(body.get("standby").asBoolean()).isFalse();
        assertThat(body.get("version").asText()).isEqualTo("1.17.3");
        assertThat(body.get("server_time_utc").asLong()).isCloseTo(vault.clock().instant().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(body.has("cluster_name")).isTrue();
        assertThat(body.has("performance_standby")).isTrue();
        assertThat(body.has("enterprise")).isTrue();
        assertThat(body.has("request_id")).as("not enveloped").isFalse();
    }

    @Test
    void standbyAnswers429WithAFullBodyEdgeCase33() {
        vault.faults().standby(StandbyMode.FORWARD);

        var reply = http.get("sys/health");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.json().get("standby").asBoolean()).isTrue();
        assertThat(reply.json().has("cluster_id")).isTrue();
    }

    @Test
    void standbyOkWithoutAValueMeansFalseEdgeCase33() {
        vault.faults().standby(StandbyMode.FORWARD);

        assertThat(http.get("sys/health?standbyok").status()).isEqualTo(429);
        assertThat(http.get("sys/health?standbyok=true").status()).isEqualTo(200);
    }

    @Test
    void sealedAnswers503WithABodyLackingClusterFieldsEdgeCase33() {
        vault.faults().seal();

        var reply = http.get("sys/health");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("sealed").asBoolean()).isTrue();
        assertThat(reply.json().has("cluster_name")).isFalse();
        assertThat(reply.json().has("cluster_id")).isFalse();
    }

    @Test
    void sealedTakesPrecedenceOverStandby() {
        vault.faults().standby(StandbyMode.FORWARD).seal();

        assertThat(http.get("sys/health").status()).isEqualTo(503);
    }

    @Test
    void codeParametersOverrideTheStatusLikeTheGoSdkUsesThem() {
        vault.faults().seal();

        var reply = http.get("sys/health?uninitcode=299&sealedcode=299&standbycode=299&drsecondarycode=299"
                + "&performancestandbycode=299&removedcode=299&haunhealthycode=299");

        assertThat(reply.status()).isEqualTo(299);
        assertThat(reply.json().get("sealed").asBoolean()).isTrue();
    }

    @Test
    void unparseableParametersAre400WithNoErrors() {
        assertThat(http.get("sys/health?standbyok=maybe").body()).isEqualTo("{\"errors\":[]}\n");
        assertThat(http.get("sys/health?activecode=abc").status()).isEqualTo(400);
    }

    @Test
    void headAnswersTheStatusWithoutABody() {
        vault.faults().standby(StandbyMode.FORWARD);

        var reply = http.send("HEAD", "sys/health", null);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void postIsNotAllowed() {
        assertThat(http.post("sys/health", "{}").status()).isEqualTo(405);
    }

    @Test
    void openBaoBodyHasOnlyItsFieldsEdgeCase34() {
        var reply = new VaultHttp(openBao.url()).get("sys/health");

        var names = new java.util.ArrayList<String>();
        reply.json().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("initialized", "sealed", "standby",
                "replication_performance_mode", "replication_dr_mode", "server_time_utc", "version",
                "cluster_name", "cluster_id");
        assertThat(reply.json().get("version").asText()).isEqualTo("2.3.1");
    }

    @Test
    void openBaoIgnoresTheVaultOnlyCodeParameters() {
        var reply = new VaultHttp(openBao.url()).get("sys/health?drsecondarycode=abc&removedcode=x");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(http.get("sys/health?drsecondarycode=abc").status()).isEqualTo(400);
    }

    @Test
    void sealStatusIsUnauthenticatedAndNotEnveloped() {
        var reply = http.get("sys/seal-status");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("type").asText()).isEqualTo("shamir");
        assertThat(reply.json().get("sealed").asBoolean()).isFalse();
        assertThat(reply.json().get("version").asText()).isEqualTo("1.17.3");
        assertThat(new VaultHttp(openBao.url()).get("sys/seal-status").json().has("commit_date")).isTrue();
    }

    @Test
    void leaderOnNonHaStorageSaysHaDisabledEdgeCase35() {
        var reply = http.get("sys/leader");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("ha_enabled").asBoolean()).isFalse();
        assertThat(reply.json().get("active_time").asText()).isEqualTo("0001-01-01T00:00:00Z");
    }

    @Test
    void leaderWhileSealedIs503VaultIsSealedEdgeCase35() {
        vault.faults().seal();

        var reply = http.get("sys/leader");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"Vault is sealed\"]}\n");
    }

    @Test
    void leaderOfARedirectingStandbyNamesTheActiveNode() {
        vault.faults().standby(StandbyMode.redirect(URI.create("https://active.example:8200")));

        var reply = http.get("sys/leader");

        assertThat(reply.json().get("ha_enabled").asBoolean()).isTrue();
        assertThat(reply.json().get("leader_address").asText()).isEqualTo("https://active.example:8200");
    }
}

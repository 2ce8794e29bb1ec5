package io.vaultpki.monitor.pkihealth.vault;

import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultResponseFormatException;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.vault.ReadPlan.Read;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a failed read becomes a check input, and which reads the enabled checks need. */
class OutcomesAndReadPlanTest {

    private static RuntimeException answer(int status, String... errors) {
        return VaultResponseException.of("GET", "pki/config/acme", status, List.of(errors), -1);
    }

    @Test
    void aRefusedReadIsForbiddenAMissingRouteUnsupportedAndAnythingElseFailedWithItsReason() {
        assertThat(Outcomes.of(answer(403, "permission denied"))).isInstanceOf(Fetched.Forbidden.class);
        assertThat(Outcomes.of(answer(404, "unsupported path"))).isInstanceOf(Fetched.Unsupported.class);
        assertThat(Outcomes.of(answer(405, "unsupported operation"))).isInstanceOf(Fetched.Unsupported.class);
        assertThat(Outcomes.of(answer(404, "no handler for route \"pki/config/acme\""))).isEqualTo(
                Fetched.failed(FailureReason.NOT_FOUND));
        assertThat(Outcomes.of(answer(500, "internal error"))).isEqualTo(Fetched.failed(FailureReason.SERVER_ERROR));
        assertThat(Outcomes.of(new VaultResponseFormatException("pki/config/acme", "enabled is not a boolean")))
                .isEqualTo(Fetched.failed(FailureReason.PARSE_ERROR));
    }

    @Test
    void anObjectThatVanishedSinceItsListingIsLeftOutNotCalledUnsupported() {
        assertThat(Outcomes.object(() -> { throw answer(404); }, v -> v)).isEmpty();
        assertThat(Outcomes.object(Optional::empty, v -> v)).isEmpty();
        assertThat(Outcomes.object(() -> { throw answer(404, "unsupported path"); }, v -> v))
                .containsInstanceOf(Fetched.Unsupported.class);
        assertThat(Outcomes.object(() -> { throw answer(403); }, v -> v)).containsInstanceOf(Fetched.Forbidden.class);
    }

    @Test
    void aStoppedRunIsNeverTurnedIntoAResult() {
        ChecksStopped stopped = new ChecksStopped(answer(503, "Vault is sealed"));
        assertThatThrownBy(() -> Outcomes.read(() -> { throw stopped; }, v -> v)).isSameAs(stopped);
        assertThatThrownBy(() -> Outcomes.object(() -> { throw stopped; }, v -> v)).isSameAs(stopped);
    }

    @Test
    void theDefaultsReadEverythingButKeysAndTheChecksOffReadNothing() {
        HealthCheckConfig defaults = HealthCheckConfig.defaults();
        assertThat(ReadPlan.of(defaults).reads()).containsExactlyInAnyOrder(Read.ISSUERS, Read.CRLS, Read.DELTA_CRLS,
                Read.CRL_CONFIG, Read.LEAVES, Read.STORED_COUNT, Read.ROLES, Read.TUNE, Read.AUTO_TIDY,
                Read.TIDY_STATUS, Read.ACME);
        assertThat(ReadPlan.of(defaults).certsToFetch()).isEqualTo(100);
        assertThat(ReadPlan.of(new HealthCheckConfig(false, 10, defaults.checks(), defaults.counted())).any())
                .isFalse();
    }

    @Test
    void aDisabledCheckCostsNoReadOnlyItNeeds() {
        HealthCheckConfig defaults = HealthCheckConfig.defaults();
        Map<String, CheckSettings> checks = new LinkedHashMap<>();
        defaults.checks().forEach((name, settings) -> checks.put(name, new CheckSettings(false, settings.values())));
        checks.put("enable_auto_tidy", new CheckSettings(true, defaults.settings("enable_auto_tidy").values()));

        ReadPlan plan = ReadPlan.of(new HealthCheckConfig(true, 10, checks, defaults.counted()));

        assertThat(plan.reads()).containsExactlyInAnyOrder(Read.AUTO_TIDY, Read.TIDY_STATUS);
    }

    @Test
    void onlyOneSegmentNamesAreUsedAsPaths() {
        assertThat(MountReader.usableName("web")).isTrue();
        assertThat(List.of("", " ", ".", "..", "a/b", "../../sys/seal")).noneMatch(MountReader::usableName);
        assertThat(MountReader.usableName(null)).isFalse();
    }
}

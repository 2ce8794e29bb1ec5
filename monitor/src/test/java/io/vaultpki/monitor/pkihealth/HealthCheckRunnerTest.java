package io.vaultpki.monitor.pkihealth;

import io.vaultpki.monitor.pkihealth.checks.HealthChecks;
import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;
import io.vaultpki.monitor.pkihealth.input.AcmeConfig;
import io.vaultpki.monitor.pkihealth.input.AutoTidyConfig;
import io.vaultpki.monitor.pkihealth.input.ClusterConfig;
import io.vaultpki.monitor.pkihealth.input.CrlConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.TidyStatus;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckRunnerTest {

    private static Set<String> checksIn(List<CheckResult> results) {
        return results.stream().map(CheckResult::check).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static HealthCheckConfig enabling(String check, boolean enabled) {
        Map<String, CheckSettings> checks = new LinkedHashMap<>(HealthCheckConfig.defaults().checks());
        checks.put(check, new CheckSettings(enabled, checks.get(check).values()));
        return new HealthCheckConfig(true, 10, checks, Set.of(CheckStatus.WARNING, CheckStatus.CRITICAL));
    }

    @Test
    void disabledChecksHaveNoResultAndEveryEnabledCheckHasOne() {
        List<CheckResult> results = new HealthCheckRunner(HealthCheckConfig.defaults()).run(mount().build(), NOW);
        List<String> expected = HealthChecks.names().stream().filter(n -> !n.equals("hardware_backed_root")).toList();
        assertThat(checksIn(results)).containsExactlyElementsOf(expected);
        // nothing was read: every check says so rather than guessing
        assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.NOT_APPLICABLE);

        assertThat(checksIn(new HealthCheckRunner(enabling("hardware_backed_root", true)).run(mount().build(), NOW)))
                .contains("hardware_backed_root");
        assertThat(checksIn(new HealthCheckRunner(enabling("tidy_last_run", false)).run(mount().build(), NOW)))
                .doesNotContain("tidy_last_run");
    }

    @Test
    void checksOffAltogetherGiveNoResults() {
        HealthCheckConfig off = new HealthCheckConfig(false, 10, Map.of(), Set.of(CheckStatus.CRITICAL));
        assertThat(new HealthCheckRunner(off).run(mount().build(), NOW)).isEmpty();
    }

    @Test
    void aTokenWithoutSomeReadPathsStillGetsEveryOtherCheck() {
        MountInputs in = mount().issuers(issuers(root("r", 3000), intermediate("i", 1000)))
                .crlConfig(Fetched.of(new CrlConfig(false, true))).roles(roles(role("web")))
                .storedCertificates(Fetched.of(12L)).leaves(Fetched.of(List.of()))
                .autoTidy(Fetched.of(new AutoTidyConfig(true, Duration.ofHours(12), Duration.ZERO)))
                .tidyStatus(Fetched.of(TidyStatus.neverRun())).acme(Fetched.of(new AcmeConfig(false)))
                .cluster(Fetched.of(new ClusterConfig("")))
                .tune(Fetched.forbidden()) // the policy lacks sys/mounts/pki/tune
                .build();
        Map<String, List<CheckStatus>> byCheck = new HealthCheckRunner(HealthCheckConfig.defaults()).run(in, NOW)
                .stream().collect(Collectors.groupingBy(CheckResult::check, LinkedHashMap::new,
                        Collectors.mapping(CheckResult::status, Collectors.toList())));
        assertThat(byCheck.get("audit_visibility")).containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
        assertThat(byCheck.get("allow_if_modified_since")).containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
        assertThat(byCheck.get("ca_validity_period")).containsExactly(CheckStatus.OK, CheckStatus.OK);
        assertThat(byCheck.get("tidy_last_run")).containsExactly(CheckStatus.CRITICAL);
        assertThat(byCheck.get("enable_auto_tidy")).containsExactly(CheckStatus.OK);
        assertThat(byCheck.get("too_many_certs")).containsExactly(CheckStatus.OK);
        assertThat(byCheck.get("role_no_store_false")).containsExactly(CheckStatus.OK);
        assertThat(byCheck.get("enable_acme_issuance")).containsExactly(CheckStatus.INFORMATIONAL);
        assertThat(byCheck.get("allow_acme_headers")).containsExactly(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void anOldVaultGetsInvalidVersionWhereItLacksEndpointsAndResultsElsewhere() {
        MountInputs in = mount().issuers(Fetched.unsupported()).acme(Fetched.unsupported())
                .autoTidy(Fetched.unsupported()).storedCertificates(Fetched.of(3L)).build();
        Map<String, CheckStatus> first = new HealthCheckRunner(HealthCheckConfig.defaults()).run(in, NOW).stream()
                .collect(Collectors.toMap(CheckResult::check, CheckResult::status, (a, b) -> a));
        assertThat(first).containsEntry("ca_validity_period", CheckStatus.INVALID_VERSION)
                .containsEntry("enable_acme_issuance", CheckStatus.INVALID_VERSION)
                .containsEntry("enable_auto_tidy", CheckStatus.INVALID_VERSION)
                .containsEntry("too_many_certs", CheckStatus.OK);
    }

    @Test
    void warningAndCriticalCountTowardTheEngineStateByDefault() {
        HealthCheckRunner runner = new HealthCheckRunner(HealthCheckConfig.defaults());
        CheckResult info = CheckResult.of("x", CheckStatus.INFORMATIONAL, "pki", "m");
        CheckResult warning = CheckResult.of("x", CheckStatus.WARNING, "pki", "m");
        CheckResult denied = CheckResult.of("x", CheckStatus.INSUFFICIENT_PERMISSIONS, "pki", "m");
        assertThat(runner.counts(List.of(info, denied))).isFalse();
        assertThat(runner.counts(List.of(info, warning))).isTrue();
        HealthCheckRunner strict = new HealthCheckRunner(new HealthCheckConfig(true, 10, Map.of(),
                Set.of(CheckStatus.INSUFFICIENT_PERMISSIONS)));
        assertThat(strict.counts(List.of(denied))).isTrue();
        assertThat(strict.counts(List.of(warning))).isFalse();
    }

    @Test
    void mountPathIsNormalisedIntoEndpoints() {
        MountInputs in = MountInputs.builder("/ns1/pki-int/").storedCertificates(Fetched.of(1L)).build();
        assertThat(in.path()).isEqualTo("ns1/pki-int");
        assertThat(new HealthCheckRunner(HealthCheckConfig.defaults()).run(in, NOW)).filteredOn(r -> r.check()
                .equals("too_many_certs")).singleElement().satisfies(r -> assertThat(r.endpoint())
                .isEqualTo("ns1/pki-int/certs"));
    }
}

package io.vaultpki.monitor.pkihealth;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.emulator.demo.DemoScenario;
import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import io.vaultpki.testkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo ({@code --demo}): the monitor as started by Micronaut, logged in with the demo's least-privilege
 * AppRole, runs the health checks on its first refresh and shows at least one warning and one critical check, and
 * the demo policy (which lists each mount's tune) leaves no check without permission.
 */
class HealthChecksDemoTest {

    @Test
    void theDemoShowsAWarningAndACriticalCheckOnItsFirstRefresh() {
        try (DemoVault demo = DemoVault.start()) {
            Map<String, Object> settings = new HashMap<>(demo.settings());
            settings.put("micronaut.server.port", -1);
            try (ApplicationContext app = ApplicationContext.builder().properties(settings).start()) {
                SnapshotHolder holder = app.getBean(SnapshotHolder.class);
                Await.until("health checks of every demo mount", Duration.ofSeconds(30), () -> holder.current()
                        .engines().size() == 3 && holder.current().engines().stream()
                        .allMatch(e -> e.health().isPresent()));

                List<CheckResult> team = results(holder.current().engine(DemoScenario.TEAM_MOUNT));
                assertThat(team).filteredOn(r -> r.check().equals("enable_auto_tidy"))
                        .extracting(CheckResult::status).containsExactly(CheckStatus.CRITICAL);
                List<CheckResult> intermediate = results(holder.current().engine(DemoScenario.INTERMEDIATE_MOUNT));
                assertThat(intermediate).filteredOn(r -> r.check().equals("role_allows_localhost"))
                        .extracting(CheckResult::status).containsExactly(CheckStatus.WARNING);
                assertThat(holder.current().engines()).flatExtracting(e -> e.health().orElseThrow().results())
                        .extracting(CheckResult::status).doesNotContain(CheckStatus.INSUFFICIENT_PERMISSIONS);
                assertThat(holder.current().engine(DemoScenario.TEAM_MOUNT).orElseThrow().health().orElseThrow()
                        .tidy()).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo("Error"));
            }
        }
    }

    private static List<CheckResult> results(Optional<EngineSnapshot> engine) {
        return engine.orElseThrow().health().orElseThrow().results();
    }
}

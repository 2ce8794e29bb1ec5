package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.CrlConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;

/** role_allows_localhost, role_allows_glob_wildcards and role_no_store_false, and how all three read roles. */
final class RoleFixtures {

    static RoleInput localhost(String name, List<String> domains) {
        return new RoleInput(name, true, domains, Optional.of(false), false, true, Duration.ZERO, "default");
    }

    static RoleInput globWildcard(String name, List<String> domains, Optional<Boolean> wildcards) {
        return new RoleInput(name, false, domains, wildcards, true, true, Duration.ZERO, "default");
    }

    static RoleInput storing(String name) {
        return new RoleInput(name, false, List.of(), Optional.of(false), false, false, Duration.ZERO, "default");
    }

    private RoleFixtures() {
    }
}

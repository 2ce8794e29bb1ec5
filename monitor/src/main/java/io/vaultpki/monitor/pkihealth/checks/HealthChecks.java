package io.vaultpki.monitor.pkihealth.checks;

import java.util.List;
import java.util.Optional;

/** Every check the monitor knows, in the CLI's order (https://github.com/hashicorp/vault/blob/main/command/pki_health_check.go). */
public final class HealthChecks {

    private static final List<HealthCheck> ALL = List.of(new CaValidityPeriod(), new CrlValidityPeriod(),
            new HardwareBackedRoot(), new RootIssuedLeaves(), new RoleAllowsLocalhost(),
            new RoleAllowsGlobWildcards(), new RoleNoStoreFalse(), new AuditVisibility(),
            new AllowIfModifiedSince(), new EnableAutoTidy(), new TidyLastRun(), new TooManyCerts(),
            new EnableAcmeIssuance(), new AllowAcmeHeaders(), new IssuanceAtRisk());

    private HealthChecks() {
    }

    public static List<HealthCheck> all() {
        return ALL;
    }

    /** The check called {@code name}. */
    public static Optional<HealthCheck> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every name, in order. */
    public static List<String> names() {
        return ALL.stream().map(HealthCheck::name).toList();
    }
}

package io.vaultpki.monitor.pkihealth;

import io.vaultpki.monitor.pkihealth.checks.HealthCheck;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.MountTune;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared fixtures of the health-check tests: a fixed "now", mounts, issuers, roles, and running one check. */
public final class Inputs {

    public static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private Inputs() {
    }

    public static MountInputs.Builder mount() {
        return MountInputs.builder("pki");
    }

    public static Instant inDays(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    /** A root issuer (a real self-signed certificate) expiring in {@code days}. */
    public static IssuerInput root(String id, long days) {
        return IssuerInput.of(id, "", Certs.root("root-" + id, inDays(days)).certificate(), Optional.of("key-" + id),
                false);
    }

    /** An intermediate issuer (signed by another CA) expiring in {@code days}. */
    public static IssuerInput intermediate(String id, long days) {
        Certs.Issued ca = Certs.root("parent-" + id, inDays(days + 3650));
        return IssuerInput.of(id, "", Certs.intermediate("int-" + id, ca, inDays(days)).certificate(),
                Optional.of("key-" + id), false);
    }

    public static Fetched<List<IssuerInput>> issuers(IssuerInput... issuers) {
        return Fetched.of(List.of(issuers));
    }

    /** A role that no role check objects to. */
    public static RoleInput role(String name) {
        return new RoleInput(name, false, List.of("example.com"), Optional.of(false), false, true, Duration.ZERO,
                "default");
    }

    public static Fetched<Map<String, Fetched<RoleInput>>> roles(RoleInput... roles) {
        Map<String, Fetched<RoleInput>> map = new LinkedHashMap<>();
        for (RoleInput role : roles) {
            map.put(role.name(), Fetched.of(role));
        }
        return Fetched.of(map);
    }

    public static MountTune tune(List<String> request, List<String> response, List<String> passthrough,
                                 List<String> allowed) {
        return new MountTune(request, response, passthrough, allowed, Duration.ofDays(3650));
    }

    /** {@code check} with its default settings over {@code inputs} at {@link #NOW}. */
    public static List<CheckResult> run(HealthCheck check, MountInputs inputs) {
        return run(check, inputs, CheckSettings.defaults(true, check.params()));
    }

    public static List<CheckResult> run(HealthCheck check, MountInputs inputs, CheckSettings settings) {
        return check.evaluate(inputs, settings, NOW);
    }

    /** The statuses of {@code results}, in order. */
    public static List<CheckStatus> statuses(List<CheckResult> results) {
        return results.stream().map(CheckResult::status).toList();
    }

    /** {@code check}'s defaults with {@code name} set to {@code value} (a typed value). */
    public static CheckSettings with(HealthCheck check, String name, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(CheckSettings.defaults(true, check.params()).values());
        values.put(name, value);
        return new CheckSettings(true, values);
    }
}

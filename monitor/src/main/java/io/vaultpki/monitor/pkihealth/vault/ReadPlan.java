package io.vaultpki.monitor.pkihealth.vault;

import io.vaultpki.monitor.pkihealth.config.HealthCheckConfig;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which reads a run makes: the union of what the enabled checks read (the table of docs/health-checks.md), so that
 * a disabled check costs no request. {@code tidy-status} is read whenever the checks run at all: besides
 * {@code tidy_last_run} it feeds the tidy and store gauges ({@code EngineHealth#tidy}).
 *
 * @param reads         the reads to make
 * @param certsToFetch  how many stored certificates {@code root_issued_leaves} looks at
 */
public record ReadPlan(Set<Read> reads, long certsToFetch) {

    /** One kind of read. Issuers and CRLs come from the expiry refresh and cost nothing here. */
    public enum Read {
        ISSUERS, CRLS, DELTA_CRLS, CRL_CONFIG, KEYS, LEAVES, STORED_COUNT, ROLES, TUNE, AUTO_TIDY, TIDY_STATUS, ACME
    }

    private static final Map<String, List<Read>> BY_CHECK = Map.ofEntries(
            Map.entry("ca_validity_period", List.of(Read.ISSUERS)),
            Map.entry("crl_validity_period", List.of(Read.ISSUERS, Read.CRLS, Read.DELTA_CRLS, Read.CRL_CONFIG)),
            Map.entry("hardware_backed_root", List.of(Read.ISSUERS, Read.KEYS)),
            Map.entry("root_issued_leaves", List.of(Read.ISSUERS, Read.LEAVES)),
            Map.entry("role_allows_localhost", List.of(Read.ROLES)),
            Map.entry("role_allows_glob_wildcards", List.of(Read.ROLES)),
            Map.entry("role_no_store_false", List.of(Read.ROLES, Read.CRL_CONFIG)),
            Map.entry("audit_visibility", List.of(Read.TUNE)),
            Map.entry("allow_if_modified_since", List.of(Read.TUNE)),
            Map.entry("enable_auto_tidy", List.of(Read.AUTO_TIDY)),
            Map.entry("tidy_last_run", List.of(Read.TIDY_STATUS)),
            Map.entry("too_many_certs", List.of(Read.STORED_COUNT)),
            // config/cluster is read only when config/acme says ACME is on, as the CLI does
            Map.entry("enable_acme_issuance", List.of(Read.ACME, Read.ISSUERS)),
            Map.entry("allow_acme_headers", List.of(Read.ACME, Read.TUNE)),
            Map.entry("issuance_at_risk", List.of(Read.ROLES, Read.ISSUERS, Read.TUNE)));

    public ReadPlan {
        reads = reads.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reads));
    }

    /** The reads of the checks {@code config} enables; none when the checks are off. */
    public static ReadPlan of(HealthCheckConfig config) {
        if (!config.enabled()) {
            return new ReadPlan(Set.of(), 0);
        }
        EnumSet<Read> reads = EnumSet.of(Read.TIDY_STATUS);
        config.checks().forEach((check, settings) -> {
            if (settings.enabled()) {
                reads.addAll(BY_CHECK.getOrDefault(check, List.of()));
            }
        });
        long certs = config.settings("root_issued_leaves").integer("certs_to_fetch");
        return new ReadPlan(reads, certs);
    }

    public boolean needs(Read read) {
        return reads.contains(read);
    }

    /** Whether any read is made at all (false: the checks are off). */
    public boolean any() {
        return !reads.isEmpty();
    }
}

package io.vaultpki.monitor.pkihealth.vault;

import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.pki.PkiOperations;
import io.vaultpki.client.sys.SysOperations;
import io.vaultpki.monitor.pkihealth.input.AcmeConfig;
import io.vaultpki.monitor.pkihealth.input.AutoTidyConfig;
import io.vaultpki.monitor.pkihealth.input.ClusterConfig;
import io.vaultpki.monitor.pkihealth.input.CrlConfig;
import io.vaultpki.monitor.pkihealth.input.CrlInput;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.KeyInput;
import io.vaultpki.monitor.pkihealth.input.LeafInput;
import io.vaultpki.monitor.pkihealth.input.MountInputs;
import io.vaultpki.monitor.pkihealth.input.MountTune;
import io.vaultpki.monitor.pkihealth.input.RoleInput;
import io.vaultpki.monitor.pkihealth.vault.ReadPlan.Read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one engine for the health checks and builds its {@link MountInputs}: what the refresh already has is taken
 * from {@link RefreshData}, the rest is read through the client (the engine's namespace is the clients'), only
 * what the {@link ReadPlan} needs. A refused or unsupported read becomes that input's {@link Fetched} outcome
 * ({@link Outcomes}); a role or key that vanished between its listing and its read is left out. Operation labels
 * of {@code vault_pki_vault_requests_total}: {@code list_roles}, {@code read_role}, {@code read_crl_config},
 * {@code read_delta_crl}, {@code read_key}, {@code read_mount_tune}, {@code read_auto_tidy},
 * {@code read_tidy_status}, {@code read_acme_config}, {@code read_cluster_config}, and the refresh's own
 * {@code list_certs}, {@code read_cert} when the refresh did not list the certificates.
 */
public final class MountReader {

    private final PkiOperations pki;
    private final SysOperations sys;
    private final String tunePath;
    private final VaultRequests calls;
    private final ReadPlan plan;

    /**
     * @param pki      the engine's PKI operations, in its namespace
     * @param sys      the sys operations of the engine's namespace
     * @param tunePath the mount path relative to that namespace ({@code team/a/pki/})
     * @param calls    how requests are sent
     * @param plan     what to read
     */
    public MountReader(PkiOperations pki, SysOperations sys, String tunePath, VaultRequests calls, ReadPlan plan) {
        this.pki = Objects.requireNonNull(pki, "pki");
        this.sys = Objects.requireNonNull(sys, "sys");
        this.tunePath = Objects.requireNonNull(tunePath, "tunePath");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * The inputs of the engine whose full path (namespace included) is {@code path}.
     *
     * @throws ChecksStopped when Vault as a whole stopped answering
     */
    public MountInputs read(String path, RefreshData known) {
        MountInputs.Builder in = MountInputs.builder(path);
        List<IssuerInput> issuers = known.issuers().optional().orElse(List.of());
        if (plan.needs(Read.ISSUERS)) {
            in.issuers(known.issuers());
        }
        if (plan.needs(Read.CRLS)) {
            in.crls(known.crls());
        }
        if (plan.needs(Read.DELTA_CRLS)) {
            in.deltaCrls(deltaCrls(issuers, known));
        }
        if (plan.needs(Read.CRL_CONFIG)) {
            in.crlConfig(get("read_crl_config", () -> pki.config().readCrlConfig(),
                    c -> new CrlConfig(c.disable(), c.autoRebuild().orElse(false))));
        }
        if (plan.needs(Read.KEYS)) {
            in.keys(keys(issuers));
        }
        if (plan.needs(Read.LEAVES) || plan.needs(Read.STORED_COUNT)) {
            new CertificateReads(pki, calls, plan).read(known, in);
        }
        if (plan.needs(Read.ROLES)) {
            in.roles(roles());
        }
        if (plan.needs(Read.TUNE)) {
            in.tune(get("read_mount_tune", () -> sys.readMountTune(tunePath), t -> new MountTune(
                    t.auditNonHmacRequestKeys(), t.auditNonHmacResponseKeys(), t.passthroughRequestHeaders(),
                    t.allowedResponseHeaders(), t.maxLeaseTtl())));
        }
        if (plan.needs(Read.AUTO_TIDY)) {
            in.autoTidy(get("read_auto_tidy", () -> pki.config().readAutoTidyConfig(), a -> new AutoTidyConfig(
                    a.enabled(), a.interval(), a.pauseDuration().orElse(java.time.Duration.ZERO))));
        }
        if (plan.needs(Read.TIDY_STATUS)) {
            in.tidyStatus(get("read_tidy_status", () -> pki.config().readTidyStatus(), MountReader::tidy));
        }
        if (plan.needs(Read.ACME)) {
            Fetched<AcmeConfig> acme = get("read_acme_config", () -> pki.config().readAcmeConfig(),
                    a -> new AcmeConfig(a.enabled()));
            in.acme(acme);
            if (acme.optional().map(AcmeConfig::enabled).orElse(false)) {
                in.cluster(get("read_cluster_config", () -> pki.config().readClusterConfig(),
                        c -> new ClusterConfig(c.path())));
            }
        }
        return in.build();
    }

    private <R, T> Fetched<T> get(String operation, java.util.function.Supplier<R> request,
                                  java.util.function.Function<R, T> mapper) {
        return Outcomes.read(() -> calls.call(operation, request), mapper);
    }

    /**
     * One delta CRL read per CRL (issuers sharing key and subject share it); none stored ({@code crl: ""}) is left
     * out, as the CLI skips it.
     */
    private Map<String, Fetched<CrlInput>> deltaCrls(List<IssuerInput> issuers, RefreshData known) {
        Map<String, Optional<Fetched<CrlInput>>> read = new LinkedHashMap<>();
        Map<String, Fetched<CrlInput>> out = new LinkedHashMap<>();
        for (IssuerInput issuer : issuers) {
            String owner = known.crlOf(issuer.id());
            Optional<Fetched<CrlInput>> delta = read.computeIfAbsent(owner, id -> Outcomes.object(
                    () -> calls.call("read_delta_crl", () -> pki.readDeltaCrl(id)), MountReader::crl));
            delta.ifPresent(d -> out.put(issuer.id(), d));
            if (delta.isPresent() && delta.get() instanceof Fetched.Unsupported<CrlInput>) {
                break; // this Vault has no delta CRLs: one answer says it for every issuer
            }
        }
        return out;
    }

    static CrlInput crl(ParsedCrl crl) {
        return new CrlInput(crl.thisUpdate(), crl.nextUpdate());
    }

    /** {@code key/<key_id>} of each root issuer's key, once per key. */
    private Map<String, Fetched<KeyInput>> keys(List<IssuerInput> issuers) {
        Map<String, Fetched<KeyInput>> out = new LinkedHashMap<>();
        for (IssuerInput issuer : issuers) {
            if (!issuer.root() || issuer.keyId().isEmpty() || out.containsKey(issuer.keyId().get())) {
                continue;
            }
            String keyId = issuer.keyId().get();
            Outcomes.object(() -> Optional.of(calls.call("read_key", () -> pki.config().readKey(keyId))),
                    k -> new KeyInput(k.keyId(), k.managedKeyId())).ifPresent(k -> out.put(keyId, k));
        }
        return out;
    }

    /** {@code LIST roles}, then each {@code roles/<name>}; a role deleted in between is left out. */
    private Fetched<Map<String, Fetched<RoleInput>>> roles() {
        Fetched<List<String>> names = get("list_roles", pki::listRoles, List::copyOf);
        return names.map(list -> {
            Map<String, Fetched<RoleInput>> roles = new LinkedHashMap<>();
            for (String name : list) {
                if (!usableName(name)) {
                    // hostile or broken: never sent as a path (nor counted as a request)
                    roles.put(name, Fetched.failed(io.vaultpki.client.failure.FailureReason.PARSE_ERROR));
                    continue;
                }
                Outcomes.object(() -> calls.call("read_role", () -> pki.readRole(name)), r -> new RoleInput(
                                r.name(), r.allowLocalhost(), r.allowedDomains(),
                                r.flag("allow_wildcard_certificates"), r.allowGlobDomains(), r.noStore(),
                                r.maxTtl(), r.issuerRef()))
                        .ifPresent(role -> roles.put(name, role));
            }
            return roles;
        });
    }

    /** A name Vault listed that is one path segment, as a role name always is. */
    static boolean usableName(String name) {
        return name != null && !name.isBlank() && !name.contains("/") && !name.equals(".") && !name.equals("..");
    }

    private static io.vaultpki.monitor.pkihealth.input.TidyStatus tidy(io.vaultpki.client.pki.TidyStatus t) {
        return new io.vaultpki.monitor.pkihealth.input.TidyStatus(t.stateText(), t.error(), t.timeStarted(),
                t.timeFinished(), t.certStoreDeleted().orElse(0), t.revokedCertDeleted().orElse(0),
                t.currentCertStoreCount(), t.currentRevokedCertCount());
    }

    /** Serials in Vault's colon-hex form, in {@code LIST certs} order (sorted: Vault's storage lists sorted keys). */
    static List<String> normalized(List<String> serials) {
        List<String> out = new ArrayList<>(serials.size());
        for (String serial : serials) {
            try {
                out.add(SerialNumbers.normalize(serial));
            } catch (IllegalArgumentException e) {
                // a serial that does not parse is hostile or broken: left out, never echoed
            }
        }
        out.sort(null);
        return out;
    }
}

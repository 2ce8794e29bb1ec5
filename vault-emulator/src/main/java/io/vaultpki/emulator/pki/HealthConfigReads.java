package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The mount configuration reads that {@code vault pki health-check} grades: {@code config/crl},
 * {@code config/auto-tidy}, {@code tidy-status}, {@code config/acme}, {@code config/cluster}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki), with each field's JSON type as Vault's handler
 * emits it (docs/vault-compatibility.md#emulator-pki-health-check-reads).
 */
final class HealthConfigReads {

    /** The run parameters {@code tidy-status} echoes, all null while {@code Inactive}. */
    private static final List<String> RUN_PARAMETERS = List.of("safety_buffer", "issuer_safety_buffer",
            "tidy_cert_store", "tidy_revoked_certs", "tidy_revoked_cert_issuer_associations", "tidy_expired_issuers",
            "tidy_move_legacy_ca_bundle", "tidy_revocation_queue", "tidy_cross_cluster_revoked_certs", "tidy_acme",
            "pause_duration");
    private static final List<String> RUN_COUNTERS = List.of("cert_store_deleted_count",
            "revoked_cert_deleted_count", "missing_issuer_cert_count", "revocation_queue_deleted_count",
            "cross_revoked_cert_deleted_count", "total_acme_account_count", "acme_account_deleted_count",
            "acme_account_revoked_count", "acme_orders_deleted_count", "acme_account_safety_buffer");

    private final PkiStore store;
    private final MountSettings settings;
    private final PkiVersion version;

    HealthConfigReads(PkiStore store, MountSettings settings, PkiVersion version) {
        this.store = store;
        this.settings = settings;
        this.version = version;
    }

    /**
     * {@code GET config/crl}: {@code pathCRLRead} / {@code genResponseFromCrlConfig} in
     * https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/path_config_crl.go. The field is
     * {@code disable} (the CLI's {@code pki_crl_validity_period} reads {@code disabled}, which never exists).
     * Vault 1.10 has only {@code expiry} and {@code disable}; 1.12 adds OCSP, auto-rebuild and delta fields; 1.13
     * the cross-cluster ones; OpenBao has {@code allow_expired_cert_revocation} instead.
     */
    EmulatorResponse crlConfig() {
        CrlConfig c = store.crlConfig();
        ObjectNode data = PkiJson.object().put("expiry", GoText.duration(c.expiry())).put("disable", c.disable());
        if (version.has(PkiVersion.Feature.DELTA_CRL, store.legacy())) {
            data.put("ocsp_disable", c.ocspDisable())
                    .put("ocsp_expiry", GoText.duration(c.ocspExpiry()))
                    .put("auto_rebuild", c.autoRebuild())
                    .put("auto_rebuild_grace_period", GoText.duration(c.autoRebuildGracePeriod()))
                    .put("enable_delta", c.enableDelta())
                    .put("delta_rebuild_interval", GoText.duration(c.deltaRebuildInterval()));
        }
        if (version.has(PkiVersion.Feature.UNIFIED_CRL_FIELDS, store.legacy())) {
            data.put("cross_cluster_revocation", c.crossClusterRevocation())
                    .put("unified_crl", c.unifiedCrl())
                    .put("unified_crl_on_existing_paths", c.unifiedCrlOnExistingPaths());
        }
        if (version.flavor() == Flavor.OPENBAO) {
            data.put("allow_expired_cert_revocation", false);
        }
        return EmulatorResponse.ok(data);
    }

    /** {@code GET config/auto-tidy} (1.12+): {@code getTidyConfigData}; intervals and buffers in int seconds. */
    EmulatorResponse autoTidy() {
        AutoTidyConfig c = settings.autoTidy();
        ObjectNode data = PkiJson.object()
                .put("enabled", c.enabled())
                .put("interval_duration", c.interval().getSeconds())
                .put("tidy_cert_store", c.tidyCertStore())
                .put("tidy_revoked_certs", c.tidyRevokedCerts())
                .put("tidy_revoked_cert_issuer_associations", c.tidyRevokedAssociations())
                .put("tidy_expired_issuers", c.tidyExpiredIssuers())
                .put("tidy_move_legacy_ca_bundle", false)
                .put("tidy_acme", c.tidyAcme())
                .put("safety_buffer", c.safetyBuffer().getSeconds())
                .put("issuer_safety_buffer", c.issuerSafetyBuffer().getSeconds())
                .put("acme_account_safety_buffer", Duration.ofDays(30).getSeconds())
                .put("pause_duration", goDuration(c.pauseDuration()))
                .put("maintain_stored_certificate_counts", c.maintainCounts())
                .put("publish_stored_certificate_count_metrics", c.publishCountMetrics());
        if (version.flavor() == Flavor.VAULT) {
            data.put("tidy_revocation_queue", false)
                    .put("revocation_queue_safety_buffer", Duration.ofHours(48).getSeconds())
                    .put("tidy_cross_cluster_revoked_certs", false)
                    .put("min_startup_backoff_duration", 300)
                    .put("max_startup_backoff_duration", 900);
        }
        return EmulatorResponse.ok(data);
    }

    /**
     * {@code GET tidy-status}: {@code pathTidyStatusRead}. The store counts are null unless auto-tidy maintains
     * them ({@code maintain_stored_certificate_counts}); run parameters and counters are null while inactive;
     * {@code last_auto_tidy_finished} (1.14+) is never null: the mount's start-up time until an auto-tidy finishes
     * ({@code b.lastAutoTidy = now} in {@code Factory}, https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/backend.go).
     */
    EmulatorResponse tidyStatus() {
        TidyRun run = settings.tidyRun();
        AutoTidyConfig c = settings.autoTidy();
        ObjectNode data = PkiJson.object();
        RUN_PARAMETERS.forEach(data::putNull);
        RUN_COUNTERS.forEach(data::putNull);
        data.put("state", run.state().text()).putNull("error").putNull("time_started").putNull("time_finished")
                .putNull("message").putNull("current_cert_store_count").putNull("current_revoked_cert_count")
                .put("internal_backend_uuid", settings.backendUuid);
        if (version.has(PkiVersion.Feature.LAST_AUTO_TIDY, store.legacy())) {
            data.put("last_auto_tidy_finished", time(settings.lastAutoTidyFinished()));
        }
        if (c.maintainCounts()) {
            data.put("current_cert_store_count", store.serials().size())
                    .put("current_revoked_cert_count", store.revokedSerials().size());
        }
        if (run.state() == TidyRun.State.INACTIVE) {
            return EmulatorResponse.ok(data);
        }
        data.put("safety_buffer", c.safetyBuffer().getSeconds())
                .put("issuer_safety_buffer", c.issuerSafetyBuffer().getSeconds())
                .put("tidy_cert_store", c.tidyCertStore())
                .put("tidy_revoked_certs", c.tidyRevokedCerts())
                .put("tidy_revoked_cert_issuer_associations", c.tidyRevokedAssociations())
                .put("tidy_expired_issuers", c.tidyExpiredIssuers())
                .put("tidy_move_legacy_ca_bundle", false)
                .put("tidy_revocation_queue", false)
                .put("tidy_cross_cluster_revoked_certs", false)
                .put("tidy_acme", c.tidyAcme())
                .put("pause_duration", goDuration(c.pauseDuration()))
                .put("time_started", time(run.started()))
                .put("message", run.message() == null ? "" : run.message());
        RUN_COUNTERS.forEach(k -> data.put(k, 0));
        data.put("acme_account_safety_buffer", Duration.ofDays(30).getSeconds())
                .put("cert_store_deleted_count", run.certStoreDeleted())
                .put("revoked_cert_deleted_count", run.revokedCertDeleted())
                .put("missing_issuer_cert_count", run.missingIssuerCertCount());
        switch (run.state()) {
            case FINISHED -> data.put("time_finished", time(run.finished())).putNull("message");
            case ERROR -> data.put("time_finished", time(run.finished())).put("error", run.error());
            case CANCELLED -> data.put("time_finished", time(run.finished()));
            default -> { }
        }
        return EmulatorResponse.ok(data);
    }

    /** {@code GET config/acme} (1.14+): warns, as Vault does, when ACME is on without {@code config/cluster path}. */
    EmulatorResponse acme() {
        AcmeConfig c = settings.acme();
        ObjectNode data = PkiJson.object();
        data.set("allowed_roles", PkiJson.array(c.allowedRoles()));
        data.put("allow_role_ext_key_usage", c.allowRoleExtKeyUsage());
        data.set("allowed_issuers", PkiJson.array(c.allowedIssuers()));
        data.put("default_directory_policy", c.defaultDirectoryPolicy())
                .put("enabled", c.enabled())
                .put("dns_resolver", c.dnsResolver())
                .put("eab_policy", c.eabPolicy());
        if (version.flavor() == Flavor.VAULT) {
            data.put("max_ttl", c.maxTtl().getSeconds());
        }
        List<String> warnings = c.enabled() && settings.cluster().path().isEmpty()
                ? List.of("ACME feature requires local cluster 'path' field configuration to be set") : List.of();
        return EmulatorResponse.ok(data, warnings);
    }

    /** {@code GET config/cluster} (1.13+): {@code path} and {@code aia_path}, {@code ""} when unset. */
    EmulatorResponse cluster() {
        ClusterConfig c = settings.cluster();
        return EmulatorResponse.ok(PkiJson.object().put("path", c.path()).put("aia_path", c.aiaPath()));
    }

    /** Go's {@code time.Duration.String()}: {@code 0s}, {@code 200ms}, {@code 1m0s}. */
    static String goDuration(Duration d) {
        if (d.isZero() || d.getSeconds() > 0) {
            return GoText.duration(d);
        }
        return d.toMillis() + "ms";
    }

    private static String time(Instant t) {
        return GoText.rfc3339Nano(t);
    }
}

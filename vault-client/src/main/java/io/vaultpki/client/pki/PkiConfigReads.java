package io.vaultpki.client.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.http.JsonFields;
import io.vaultpki.client.http.JsonResponses;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseFormatException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration reads of one PKI mount that {@code vault pki health-check} grades
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki): CRL, keys, auto-tidy, tidy status, ACME and cluster
 * configuration. Obtained with {@link PkiOperations#config()}. Fields a Vault version lacks are empty, unknown fields
 * are ignored. Failures are the client's typed exceptions carrying status and path: a 403 is a
 * {@link io.vaultpki.client.http.VaultPermissionDeniedException}, an endpoint the server's version lacks a
 * {@link VaultNotFoundException} with {@code isUnsupportedPath()} (or a 405 {@code unsupported operation}), so that
 * {@code FailureClassifier} tells {@code permission_denied} from {@code not_found}.
 */
public final class PkiConfigReads {

    private final String mount;
    private final VaultExecutor executor;

    PkiConfigReads(String mount, VaultExecutor executor) {
        this.mount = mount;
        this.executor = executor;
    }

    /** {@code GET :mount/config/crl} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-crl-configuration). */
    public CrlConfig readCrlConfig() {
        VaultRequest req = VaultRequest.get(VaultPaths.join(mount, "config", "crl"));
        JsonNode d = JsonResponses.data(req, executor.execute(req));
        return new CrlConfig(JsonFields.duration(req, d, "expiry").orElse(Duration.ofHours(72)),
                JsonFields.bool(req, d, "disable").orElse(false), JsonFields.bool(req, d, "ocsp_disable"),
                JsonFields.bool(req, d, "auto_rebuild"), JsonFields.duration(req, d, "auto_rebuild_grace_period"),
                JsonFields.bool(req, d, "enable_delta"), JsonFields.duration(req, d, "delta_rebuild_interval"),
                JsonFields.bool(req, d, "cross_cluster_revocation"), JsonFields.bool(req, d, "unified_crl"),
                JsonFields.bool(req, d, "unified_crl_on_existing_paths"));
    }

    /**
     * {@code LIST :mount/keys} (Vault 1.11+, https://developer.hashicorp.com/vault/api-docs/secret/pki#list-keys).
     *
     * @return the mount's keys, empty when it has none (Vault's empty 404)
     */
    public List<KeySummary> listKeys() {
        VaultRequest req = VaultRequest.list(VaultPaths.join(mount, "keys"));
        Optional<JsonNode> found = PkiPaths.dataOrEmpty(executor, req);
        if (found.isEmpty()) {
            return List.of();
        }
        JsonNode data = found.get();
        List<KeySummary> out = new ArrayList<>();
        for (String id : JsonResponses.strings(data.get("keys"))) {
            out.add(new KeySummary(id, data.path("key_info").path(id).path("key_name").asText("")));
        }
        return List.copyOf(out);
    }

    /**
     * {@code GET :mount/key/:ref} (Vault 1.11+, https://developer.hashicorp.com/vault/api-docs/secret/pki#read-key):
     * {@code ref} is a key id, a key name or {@code default}. An unknown reference is Vault's 500
     * ({@link io.vaultpki.client.http.VaultServerException}).
     */
    public PkiKey readKey(String keyRef) {
        VaultRequest req = VaultRequest.get(VaultPaths.join(mount, "key", PkiOperations.requireRef(keyRef)));
        JsonNode d = JsonResponses.data(req, executor.execute(req));
        return new PkiKey(JsonResponses.text(req, d, "key_id"), JsonFields.text(req, d, "key_name").orElse(""),
                JsonFields.text(req, d, "key_type").orElse(""), JsonFields.text(req, d, "subject_key_id"),
                JsonFields.text(req, d, "managed_key_id"), JsonFields.text(req, d, "managed_key_name"));
    }

    /**
     * {@code GET :mount/config/auto-tidy} (Vault 1.12+,
     * https://developer.hashicorp.com/vault/api-docs/secret/pki#read-automatic-tidy-configuration).
     */
    public AutoTidyConfig readAutoTidyConfig() {
        VaultRequest req = VaultRequest.get(VaultPaths.join(mount, "config", "auto-tidy"));
        JsonNode d = JsonResponses.data(req, executor.execute(req));
        return new AutoTidyConfig(JsonFields.bool(req, d, "enabled").orElse(false),
                JsonFields.duration(req, d, "interval_duration").orElse(Duration.ZERO),
                JsonFields.duration(req, d, "pause_duration"), JsonFields.duration(req, d, "safety_buffer"),
                JsonFields.duration(req, d, "issuer_safety_buffer"),
                JsonFields.bool(req, d, "tidy_cert_store").orElse(false),
                JsonFields.bool(req, d, "tidy_revoked_certs").orElse(false),
                JsonFields.bool(req, d, "tidy_revoked_cert_issuer_associations"),
                JsonFields.bool(req, d, "tidy_expired_issuers"), JsonFields.bool(req, d, "tidy_acme"),
                JsonFields.bool(req, d, "maintain_stored_certificate_counts"));
    }

    /** {@code GET :mount/tidy-status} (https://developer.hashicorp.com/vault/api-docs/secret/pki#tidy-status). */
    public TidyStatus readTidyStatus() {
        VaultRequest req = VaultRequest.get(VaultPaths.join(mount, "tidy-status"));
        JsonNode d = JsonResponses.data(req, executor.execute(req));
        String state = JsonFields.text(req, d, "state").orElse("");
        return new TidyStatus(TidyStatus.State.of(state), state, JsonFields.time(req, d, "time_started"),
                JsonFields.time(req, d, "time_finished"), JsonFields.text(req, d, "error"),
                JsonFields.text(req, d, "message"), JsonFields.integer(req, d, "cert_store_deleted_count"),
                JsonFields.integer(req, d, "revoked_cert_deleted_count"),
                JsonFields.integer(req, d, "current_cert_store_count"),
                JsonFields.integer(req, d, "current_revoked_cert_count"),
                JsonFields.time(req, d, "last_auto_tidy_finished"));
    }

    /** {@code GET :mount/config/acme} (Vault 1.14+, https://developer.hashicorp.com/vault/api-docs/secret/pki#get-acme-configuration). */
    public AcmeConfig readAcmeConfig() {
        VaultRequest req = VaultRequest.get(VaultPaths.join(mount, "config", "acme"));
        JsonNode body = JsonResponses.body(req, executor.execute(req));
        JsonNode d = body.path("data");
        if (!d.isObject()) {
            throw new VaultResponseFormatException(req.path(), "no \"data\" object in response");
        }
        return new AcmeConfig(JsonFields.bool(req, d, "enabled").orElse(false),
                JsonResponses.strings(d.get("allowed_issuers")), JsonResponses.strings(d.get("allowed_roles")),
                JsonFields.text(req, d, "default_directory_policy").orElse(""),
                JsonFields.text(req, d, "dns_resolver").orElse(""), JsonFields.text(req, d, "eab_policy").orElse(""),
                JsonFields.bool(req, d, "allow_role_ext_key_usage"), JsonFields.duration(req, d, "max_ttl"),
                JsonResponses.warnings(body));
    }

    /** {@code GET :mount/config/cluster} (Vault 1.13+, https://developer.hashicorp.com/vault/api-docs/secret/pki#read-cluster-configuration). */
    public ClusterConfig readClusterConfig() {
        VaultRequest req = VaultRequest.get(VaultPaths.join(mount, "config", "cluster"));
        JsonNode d = JsonResponses.data(req, executor.execute(req));
        return new ClusterConfig(JsonFields.text(req, d, "path").orElse(""),
                JsonFields.text(req, d, "aia_path").orElse(""));
    }

    @Override
    public String toString() {
        return "PkiConfigReads[" + mount + "]";
    }
}

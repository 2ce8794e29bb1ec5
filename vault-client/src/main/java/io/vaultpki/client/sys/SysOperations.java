package io.vaultpki.client.sys;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.http.JsonFields;
import io.vaultpki.client.http.JsonResponses;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.http.VaultPermissionDeniedException;
import io.vaultpki.client.http.VaultRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** System endpoints: health, seal status, discovery of PKI mounts and a mount's tune. */
public final class SysOperations {

    private static final Logger LOG = LoggerFactory.getLogger(SysOperations.class);

    /**
     * The Go SDK's trick: every state answers 2xx so the body is always parsed
     * (docs/vault-compatibility.md#client-sys).
     */
    static final Map<String, String> HEALTH_QUERY = Map.of(
            "uninitcode", "299", "sealedcode", "299", "standbycode", "299", "drsecondarycode", "299",
            "performancestandbycode", "299", "removedcode", "299", "haunhealthycode", "299");

    private final VaultExecutor executor;
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();

    /** Normally obtained with {@code VaultClient.sys()}. */
    public SysOperations(VaultExecutor executor) {
        this.executor = executor;
    }

    /**
     * {@code GET sys/health?uninitcode=299&sealedcode=299&standbycode=299&...}
     * (https://developer.hashicorp.com/vault/api-docs/system/health): any node state
     * is a 2xx. Unauthenticated and never sent with {@code X-Vault-Namespace} (OpenBao rejects it there).
     */
    public HealthStatus health() {
        VaultRequest req = VaultRequest.get("sys/health").withQuery(HEALTH_QUERY).unauthenticated().withoutNamespace();
        JsonNode body = JsonResponses.body(req, executor.execute(req));
        long time = body.path("server_time_utc").asLong(0);
        return new HealthStatus(body.path("initialized").asBoolean(false), body.path("sealed").asBoolean(false),
                body.path("standby").asBoolean(false), body.path("performance_standby").asBoolean(false),
                body.path("version").asText(""), body.path("cluster_name").asText(""),
                body.path("cluster_id").asText(""),
                time > 0 ? Optional.of(Instant.ofEpochSecond(time)) : Optional.empty());
    }

    /**
     * {@code GET sys/seal-status} (https://developer.hashicorp.com/vault/api-docs/system/seal-status):
     * unauthenticated, no namespace header, 200 even when sealed.
     */
    public SealStatus sealStatus() {
        VaultRequest req = VaultRequest.get("sys/seal-status").unauthenticated().withoutNamespace();
        JsonNode body = JsonResponses.body(req, executor.execute(req));
        return new SealStatus(body.path("type").asText(""), body.path("initialized").asBoolean(false),
                body.path("sealed").asBoolean(false), body.path("t").asInt(0), body.path("n").asInt(0),
                body.path("progress").asInt(0), body.path("version").asText(""), body.path("cluster_name").asText(""));
    }

    /**
     * {@code GET sys/mounts/:mount/tune}
     * (https://developer.hashicorp.com/vault/api-docs/system/mounts#read-mount-configuration): the mount's audit and
     * header settings. Needs {@code read} on that path; a 403 is a {@link VaultPermissionDeniedException}, an unknown
     * mount Vault's 400 ({@link io.vaultpki.client.http.VaultResponseException}).
     *
     * @param mount the mount path, e.g. {@code pki} or {@code team/a/pki} (slashes at either end are accepted)
     */
    public MountTune readMountTune(String mount) {
        VaultRequest req = VaultRequest.get(VaultPaths.join("sys", "mounts", VaultPaths.mount(mount), "tune"));
        JsonNode d = JsonResponses.data(req, executor.execute(req));
        return new MountTune(JsonFields.text(req, d, "description").orElse(""),
                JsonFields.duration(req, d, "default_lease_ttl").orElse(Duration.ZERO),
                JsonFields.duration(req, d, "max_lease_ttl").orElse(Duration.ZERO),
                JsonFields.bool(req, d, "force_no_cache").orElse(false),
                JsonResponses.strings(d.get("audit_non_hmac_request_keys")),
                JsonResponses.strings(d.get("audit_non_hmac_response_keys")),
                JsonResponses.strings(d.get("passthrough_request_headers")),
                JsonResponses.strings(d.get("allowed_response_headers")),
                JsonFields.text(req, d, "listing_visibility"));
    }

    /**
     * PKI mounts of the token's namespace: {@code GET sys/mounts} {@code data} (the injected top-level copy is
     * ignored). When the token may not read {@code sys/mounts} (403), falls back to
     * {@code GET sys/internal/ui/mounts} {@code data.secret} (docs/vault-compatibility.md#client-sys), which lists the
     * mounts the token can use; the fallback is logged once at INFO.
     */
    public List<SecretsMount> listPkiMounts() {
        VaultRequest req = VaultRequest.get("sys/mounts");
        JsonNode mounts;
        try {
            mounts = JsonResponses.data(req, executor.execute(req));
        } catch (VaultPermissionDeniedException e) {
            if (fallbackLogged.compareAndSet(false, true)) {
                LOG.info("Token may not read sys/mounts; discovering PKI mounts through sys/internal/ui/mounts");
            }
            VaultRequest ui = VaultRequest.get("sys/internal/ui/mounts");
            mounts = JsonResponses.data(ui, executor.execute(ui)).path("secret");
        }
        List<SecretsMount> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mounts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode info = e.getValue();
            if ("pki".equals(info.path("type").asText())) {
                String path = e.getKey().endsWith("/") ? e.getKey() : e.getKey() + "/";
                // the tune's passthrough headers say whether conditional CRL reads can work on this mount
                List<String> passthrough = JsonResponses.strings(info.path("config").get("passthrough_request_headers"));
                out.add(new SecretsMount(path, "pki", info.path("description").asText(""),
                        info.path("accessor").asText(""), passthrough));
            }
        }
        out.sort(java.util.Comparator.comparing(SecretsMount::path));
        return List.copyOf(out);
    }
}

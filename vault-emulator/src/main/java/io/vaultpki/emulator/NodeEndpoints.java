package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoJson;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.Flavor;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The non-logical node endpoints {@code sys/health}, {@code sys/seal-status} and {@code sys/leader}
 * (https://developer.hashicorp.com/vault/api-docs/system/health, .../system/seal-status, .../system/leader): bare
 * JSON, unauthenticated, answered even while sealed or standby; the {@link Routes} table sends them here.
 */
final class NodeEndpoints {

    private final Flavor flavor;
    private final String version;
    private final Clock clock;
    private final Faults faults;
    private final ResponseRenderer renderer;
    private final String clusterName = "vault-cluster-emulator";
    private final String clusterId = UUID.randomUUID().toString();

    NodeEndpoints(Flavor flavor, String version, Clock clock, Faults faults, ResponseRenderer renderer) {
        this.flavor = flavor;
        this.version = version;
        this.clock = clock;
        this.faults = faults;
        this.renderer = renderer;
    }

    /** {@code GET|HEAD sys/health}: the status code the query asks for, with the body (none for HEAD). */
    RenderedResponse health(Map<String, String> query, boolean head) {
        Optional<Boolean> standbyOk = bool(query.get("standbyok"));
        Optional<Boolean> perfStandbyOk = bool(query.get("perfstandbyok"));
        Optional<Integer> activeCode = code(query, "activecode", 200);
        Optional<Integer> standbyCode = code(query, "standbycode", 429);
        Optional<Integer> sealedCode = code(query, "sealedcode", 503);
        Optional<Integer> uninitCode = code(query, "uninitcode", 501);
        // OpenBao knows only the active/standby/sealed/uninit codes and ignores the others
        boolean vaultOnlyCodesInvalid = flavor == Flavor.VAULT
                && (code(query, "drsecondarycode", 472).isEmpty()
                || code(query, "performancestandbycode", 473).isEmpty()
                || code(query, "haunhealthycode", 474).isEmpty()
                || code(query, "removedcode", 530).isEmpty());
        if (standbyOk.isEmpty() || perfStandbyOk.isEmpty() || activeCode.isEmpty() || standbyCode.isEmpty()
                || sealedCode.isEmpty() || uninitCode.isEmpty() || vaultOnlyCodesInvalid) {
            return renderer.error(400, java.util.List.of());
        }
        boolean sealed = faults.isSealed();
        boolean standby = !sealed && faults.standbyMode().isPresent();
        int status;
        if (sealed) {
            status = sealedCode.get();
        } else if (standby && !standbyOk.get()) {
            status = standbyCode.get();
        } else {
            status = activeCode.get();
        }
        var body = GoJson.object();
        body.put("initialized", true);
        body.put("sealed", sealed);
        body.put("standby", standby);
        if (flavor == Flavor.VAULT) {
            body.put("performance_standby", false);
        }
        body.put("replication_performance_mode", "disabled");
        body.put("replication_dr_mode", "disabled");
        body.put("server_time_utc", clock.instant().getEpochSecond());
        body.put("version", version);
        if (flavor == Flavor.VAULT) {
            body.put("enterprise", version.contains("+ent") || version.contains("+prem"));
        }
        if (!sealed) {
            body.put("cluster_name", clusterName);
            body.put("cluster_id", clusterId);
        }
        if (flavor == Flavor.VAULT) {
            body.put("echo_duration_ms", 0);
            body.put("clock_skew_ms", 0);
            body.put("replication_primary_canary_age_ms", 0);
        }
        if (head) {
            return new RenderedResponse(status, "application/json", new byte[0], Map.of());
        }
        return json(status, body);
    }

    /** {@code GET sys/seal-status}: answered 200 whether sealed or not. */
    RenderedResponse sealStatus() {
        boolean sealed = faults.isSealed();
        var body = GoJson.object();
        body.put("type", "shamir");
        body.put("initialized", true);
        body.put("sealed", sealed);
        body.put("t", 1);
        body.put("n", 1);
        body.put("progress", 0);
        body.put("nonce", "");
        body.put("version", version);
        body.put("build_date", "2024-08-28T15:52:40Z");
        if (flavor == Flavor.OPENBAO) {
            body.put("commit_date", "2024-08-28T15:52:40Z");
        }
        body.put("migration", false);
        if (!sealed) {
            body.put("cluster_name", clusterName);
            body.put("cluster_id", clusterId);
        }
        body.put("recovery_seal", false);
        body.put("storage_type", "inmem");
        return json(200, body);
    }

    /** {@code GET sys/leader}: 503 while sealed. */
    RenderedResponse leader() {
        if (faults.isSealed()) {
            return renderer.error(503, java.util.List.of("Vault is sealed"));
        }
        var standby = faults.standbyMode();
        boolean ha = standby.isPresent();
        String leaderAddress = standby.map(StandbyMode::active).map(Object::toString).orElse("");
        var body = GoJson.object();
        body.put("ha_enabled", ha);
        if (flavor == Flavor.VAULT) {
            body.put("is_self", false);
            body.put("active_time", "0001-01-01T00:00:00Z");
            body.put("leader_address", leaderAddress);
            body.put("leader_cluster_address", "");
            body.put("performance_standby", false);
            body.put("performance_standby_last_remote_wal", 0);
        } else if (!leaderAddress.isEmpty()) {
            body.put("leader_address", leaderAddress);
        }
        return json(200, body);
    }

    private RenderedResponse json(int status, ObjectNode body) {
        return new RenderedResponse(status, "application/json", GoJson.encode(body), Map.of());
    }

    /** Go's weak bool decoding: absent or empty means false, anything unparseable is an error (empty). */
    private static Optional<Boolean> bool(String value) {
        return value == null || value.isEmpty() ? Optional.of(false) : GoText.goBool(value);
    }

    private static Optional<Integer> code(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return Optional.of(fallback);
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

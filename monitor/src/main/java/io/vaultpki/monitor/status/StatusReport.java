package io.vaultpki.monitor.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The body of {@code GET /api/v1/status}; field names are a stable contract documented in
 * {@code docs/status-api.md}. Times are ISO-8601 UTC strings; a {@code null} field (unknown) is omitted,
 * lists are always present.
 *
 * @param state       overall state: {@code ok}, {@code warning}, {@code critical} or {@code error}
 * @param rule        the finding that decided {@code state}
 * @param generatedAt when this answer was computed (time-relative fields are relative to it)
 * @param thresholds  the expiry thresholds issuers are graded with
 * @param vault       Vault as the last refresh saw it
 * @param lastRefresh the last refresh
 * @param engines     engines with their issuers, filtered by {@code ?state=} when given
 */
@Serdeable
public record StatusReport(String state, String rule, @JsonProperty("generated_at") String generatedAt,
                           Thresholds thresholds, Vault vault, @JsonProperty("last_refresh") LastRefresh lastRefresh,
                           @JsonInclude(JsonInclude.Include.ALWAYS) List<Engine> engines) {

    /** Expiry thresholds in seconds. */
    @Serdeable
    public record Thresholds(@JsonProperty("warning_seconds") long warningSeconds,
                             @JsonProperty("critical_seconds") long criticalSeconds) {
    }

    /** Vault; never the token, only how long it has left. */
    @Serdeable
    public record Vault(String address, boolean reachable, @Nullable Boolean initialized, @Nullable Boolean sealed,
                        @Nullable Boolean standby, String version,
                        @JsonProperty("auth_method") String authMethod,
                        @Nullable @JsonProperty("token_ttl_seconds") Long tokenTtlSeconds) {
    }

    /** The last refresh: {@code outcome} is {@code none}, {@code success}, {@code partial} or {@code failed}. */
    @Serdeable
    public record LastRefresh(@Nullable @JsonProperty("started_at") String startedAt,
                              @Nullable @JsonProperty("completed_at") String completedAt,
                              @Nullable @JsonProperty("duration_seconds") Double durationSeconds,
                              String outcome,
                              @Nullable @JsonProperty("last_success") String lastSuccess,
                              @JsonInclude(JsonInclude.Include.ALWAYS) List<Error> errors) {
    }

    /**
     * A refresh failure; {@code engine} is {@code ""} for monitor-wide failures, {@code path} the Vault path of the
     * request or object that failed (omitted when none is known).
     */
    @Serdeable
    public record Error(String engine, String reason, String message, @Nullable String path) {
    }

    /**
     * A PKI engine; {@code state} is {@code error} when its last refresh failed or an object of it could not be
     * parsed (then {@code up} stays true: the rest of the engine was read), else the worst of its issuers' and its
     * health-check results' states.
     */
    @Serdeable
    public record Engine(String engine, boolean up, String state,
                         @Nullable @JsonProperty("last_success") String lastSuccess,
                         @JsonInclude(JsonInclude.Include.ALWAYS) List<Issuer> issuers,
                         @Nullable @JsonProperty("health_checks") HealthChecks healthChecks) {
    }

    /**
     * The engine's latest PKI health-check run (omitted until the first one): when it read Vault, its results
     * (filtered by {@code ?state=} like issuers) and the {@code tidy-status} it read.
     */
    @Serdeable
    public record HealthChecks(@JsonProperty("checked_at") String checkedAt,
                               @JsonInclude(JsonInclude.Include.ALWAYS) List<Check> results, @Nullable Tidy tidy) {
    }

    /**
     * One health-check result: {@code status} as the Vault CLI prints it, {@code state} what it counts for the
     * engine ({@code ok} unless {@code monitor.health-checks.counted-statuses} has the status), the Vault
     * {@code endpoint} it read, and the {@code object} (issuer, role, parameter) when it is about one.
     */
    @Serdeable
    public record Check(String check, String status, String state, String endpoint, String message,
                        @Nullable String object) {
    }

    /** {@code tidy-status} as the last run read it; counts of stored certificates are Vault 1.13+. */
    @Serdeable
    public record Tidy(String state, @Nullable String error, @Nullable @JsonProperty("time_started") String timeStarted,
                       @Nullable @JsonProperty("time_finished") String timeFinished,
                       @JsonProperty("cert_store_deleted_count") long certStoreDeletedCount,
                       @JsonProperty("revoked_cert_deleted_count") long revokedCertDeletedCount,
                       @Nullable @JsonProperty("current_cert_store_count") Long currentCertStoreCount,
                       @Nullable @JsonProperty("current_revoked_cert_count") Long currentRevokedCertCount) {
    }

    /** An issuer graded by the thresholds; {@code seconds_left} is negative once expired. */
    @Serdeable
    public record Issuer(String id, String name, String subject, @JsonProperty("not_after") String notAfter,
                         @JsonProperty("seconds_left") long secondsLeft, String state) {
    }
}

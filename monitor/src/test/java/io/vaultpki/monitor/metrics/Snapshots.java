package io.vaultpki.monitor.metrics;

import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.monitor.pkihealth.EngineHealth;
import io.vaultpki.monitor.pkihealth.input.TidyStatus;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.CrlInfo;
import io.vaultpki.monitor.refresh.EngineSnapshot;
import io.vaultpki.monitor.refresh.IssuerInfo;
import io.vaultpki.monitor.refresh.LeafCertificate;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.RefreshError;
import io.vaultpki.monitor.refresh.VaultState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-built snapshots for rendering tests: what a refresh would have put into the holder. */
public final class Snapshots {

    public static final String ADDRESS = "https://vault.example:8200";
    public static final Instant REFRESHED = Instant.parse("2026-01-01T00:00:00Z");

    private Snapshots() {
    }

    public static VaultState reachableVault(Optional<Instant> tokenExpiry) {
        return new VaultState(ADDRESS, true, Optional.of(true), Optional.of(false), Optional.of(false), "1.17.2",
                "approle", tokenExpiry, Optional.empty());
    }

    public static PkiSnapshot snapshot(VaultState vault, EngineSnapshot... engines) {
        return new PkiSnapshot(REFRESHED.minusSeconds(2), REFRESHED, vault, List.of(engines),
                vault.reachable() ? Optional.of(REFRESHED) : Optional.empty());
    }

    public static PkiSnapshot snapshot(EngineSnapshot... engines) {
        return snapshot(reachableVault(Optional.empty()), engines);
    }

    public static IssuerInfo issuer(String id, String name, Instant notAfter) {
        return new IssuerInfo(id, name, "CN " + name, "CN=CN " + name + ",O=Example", "1a:2b:" + id.substring(0, 2),
                "rsa", 2048, true, true, "err", notAfter.minus(Duration.ofDays(365)), notAfter);
    }

    public static LeafCertificate leaf(String serial, String cn, Instant notAfter) {
        return new LeafCertificate(serial, "issuer-1", cn, "", notAfter.minus(Duration.ofDays(90)), notAfter,
                Optional.empty(), false);
    }

    public static LeafCertificate revoked(String serial, String cn, Instant notAfter) {
        return new LeafCertificate(serial, "issuer-1", cn, "", notAfter.minus(Duration.ofDays(90)), notAfter,
                Optional.of(REFRESHED.minusSeconds(60)), false);
    }

    public static LeafCertificate superseded(String serial, String cn, Instant notAfter) {
        return new LeafCertificate(serial, "issuer-1", cn, "", notAfter.minus(Duration.ofDays(90)), notAfter,
                Optional.empty(), true);
    }

    public static EngineSnapshot engine(String engine, List<IssuerInfo> issuers) {
        return engine(engine, issuers, List.of(), List.of(), false);
    }

    public static EngineSnapshot engine(String engine, List<IssuerInfo> issuers, List<CrlInfo> crls,
                                        List<LeafCertificate> leaves, boolean leavesCollected) {
        return new EngineSnapshot(engine, "", engine, true, Optional.of(REFRESHED), issuers, crls, leaves,
                leavesCollected, List.of());
    }

    public static EngineSnapshot failedEngine(String engine, List<IssuerInfo> issuers) {
        return new EngineSnapshot(engine, "", engine, false, Optional.empty(), issuers, List.of(), List.of(), false,
                List.of(new RefreshError(engine, FailureReason.PERMISSION_DENIED,
                        "LIST " + engine + "issuers: 403 permission denied")));
    }

    /** A health-check run at {@code checkedAt} with these results and no tidy status. */
    public static EngineHealth health(Instant checkedAt, CheckResult... results) {
        return new EngineHealth(checkedAt, List.of(results), Optional.empty());
    }

    /** A health-check run with these results and tidy status. */
    public static EngineHealth health(Instant checkedAt, TidyStatus tidy, CheckResult... results) {
        return new EngineHealth(checkedAt, List.of(results), Optional.of(tidy));
    }

    /** A mount-wide result of {@code check} on engine {@code engine} ({@code pki/}), endpoint {@code engine + path}. */
    public static CheckResult result(String engine, String check, CheckStatus status, String path, String message) {
        return CheckResult.of(check, status, engine + path, message);
    }

    /** A result of {@code check} about one object (a role, an issuer). */
    public static CheckResult about(String object, String engine, String check, CheckStatus status, String path,
                                    String message) {
        return CheckResult.about(object, check, status, engine + path, message);
    }

    /** A tidy status as {@code tidy-status} reports it after a finished tidy. */
    public static TidyStatus tidy(String state, Instant started, Instant finished, long deleted, long deletedRevoked,
                                  OptionalLong stored, OptionalLong storedRevoked) {
        return new TidyStatus(state, Optional.empty(), Optional.of(started), Optional.ofNullable(finished), deleted,
                deletedRevoked, stored, storedRevoked);
    }
}

package io.vaultpki.emulator.pki;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration a mount reports but the emulator does not act on (beyond reporting it): auto-tidy, the last
 * tidy run, ACME, cluster URLs, and which keys are managed keys. Set through {@link PkiMount}; read by
 * {@code HealthConfigReads} and {@code KeyReads}.
 */
final class MountSettings {

    /** A key held by a managed-key backend (HSM, cloud KMS): Vault's {@code managed_key_id}/{@code _name}. */
    record ManagedKey(String id, String name) {
    }

    /** Vault's per-mount {@code backendUUID}, reported as {@code internal_backend_uuid}. */
    final String backendUuid = UUID.randomUUID().toString();
    private volatile AutoTidyConfig autoTidy = AutoTidyConfig.defaults();
    private volatile TidyRun tidyRun = TidyRun.inactive();
    /** Vault starts it at the mount's start-up, so a mount never tidied reports that time. */
    private volatile Instant lastAutoTidyFinished;
    private volatile AcmeConfig acme = AcmeConfig.defaults();
    private volatile ClusterConfig cluster = ClusterConfig.defaults();
    private final Map<String, ManagedKey> managedKeys = new ConcurrentHashMap<>();
    private final Map<String, String> keyNames = new ConcurrentHashMap<>();

    AutoTidyConfig autoTidy() {
        return autoTidy;
    }

    void autoTidy(AutoTidyConfig value) {
        autoTidy = java.util.Objects.requireNonNull(value, "auto-tidy config");
    }

    TidyRun tidyRun() {
        return tidyRun;
    }

    void tidyRun(TidyRun value) {
        tidyRun = java.util.Objects.requireNonNull(value, "tidy run");
    }

    MountSettings(Instant mountStartup) {
        this.lastAutoTidyFinished = mountStartup;
    }

    Instant lastAutoTidyFinished() {
        return lastAutoTidyFinished;
    }

    void lastAutoTidyFinished(Instant value) {
        lastAutoTidyFinished = java.util.Objects.requireNonNull(value, "last auto-tidy time");
    }

    AcmeConfig acme() {
        return acme;
    }

    void acme(AcmeConfig value) {
        acme = java.util.Objects.requireNonNull(value, "ACME config");
    }

    ClusterConfig cluster() {
        return cluster;
    }

    void cluster(ClusterConfig value) {
        cluster = java.util.Objects.requireNonNull(value, "cluster config");
    }

    void managedKey(String keyId, String managedKeyName) {
        managedKeys.put(keyId, new ManagedKey(UUID.randomUUID().toString(), managedKeyName));
    }

    Optional<ManagedKey> managedKey(String keyId) {
        return Optional.ofNullable(managedKeys.get(keyId));
    }

    void keyName(String keyId, String name) {
        keyNames.put(keyId, name);
    }

    String keyName(String keyId) {
        return keyNames.getOrDefault(keyId, "");
    }
}

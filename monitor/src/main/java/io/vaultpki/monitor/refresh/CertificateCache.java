package io.vaultpki.monitor.refresh;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Certificates already read, by engine and serial, kept across refreshes so steady state reads no certificate. */
final class CertificateCache {

    private final Map<String, Map<BigInteger, KnownCertificate>> byEngine = new ConcurrentHashMap<>();

    Optional<KnownCertificate> get(String engine, BigInteger serial) {
        return Optional.ofNullable(engineMap(engine).get(serial));
    }

    void put(String engine, BigInteger serial, KnownCertificate certificate) {
        engineMap(engine).put(serial, certificate);
    }

    /** Forgets serials Vault no longer lists (tidied), so the cache never outgrows the stores. */
    void retain(String engine, Set<BigInteger> listed) {
        engineMap(engine).keySet().retainAll(listed);
    }

    /** Forgets engines that are no longer read. */
    void retainEngines(Collection<String> engines) {
        byEngine.keySet().retainAll(Set.copyOf(engines));
    }

    private Map<BigInteger, KnownCertificate> engineMap(String engine) {
        return byEngine.computeIfAbsent(engine, e -> new ConcurrentHashMap<>());
    }
}

package io.vaultpki.emulator.pki;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The state of one PKI mount: issuers, default, roles, stored and revoked certificates, CRLs, test switches. */
final class PkiStore {

    /** A well-formed PEM envelope around bytes that are not DER, for parse-error tests. */
    private static final String CORRUPT_PEM = Pem.encode("CERTIFICATE", Pem.utf8("this is not a certificate"));
    private static final byte[] CORRUPT_DER = {0x30, 0x05, 0x02, 0x01};

    private final Clock clock;
    private final Map<String, Issuer> issuers = new LinkedHashMap<>();
    private String defaultIssuerId = "";
    private final Map<String, Role> roles = new TreeMap<>();
    private final ConcurrentSkipListMap<String, StoredCert> certs = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, StoredCert> revoked = new ConcurrentSkipListMap<>();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private final Map<String, IssuerCrl> crls = new HashMap<>();
    /** Vault's per-issuer {@code LastModified}: when the issuer entry was last written. */
    private final Map<String, Instant> issuerModified = new HashMap<>();
    /**
     * Vault's mount-wide {@code localCRLConfig.LastModified}: when any CRL of the mount was last rebuilt. Vault
     * rebuilds on issuer changes, revocations and CRL config writes; the emulator builds lazily but dates the
     * change, so conditional reads answer as Vault would.
     */
    private Instant crlModified;
    private volatile boolean legacy;
    private volatile CrlConfig crlConfig = CrlConfig.defaults();

    PkiStore(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    // ---- issuers

    synchronized void addIssuer(Issuer issuer) {
        issuers.put(issuer.id(), issuer);
        issuerModified.put(issuer.id(), now());
        crlModified = now();
        if (defaultIssuerId.isEmpty()) {
            defaultIssuerId = issuer.id();
        }
    }

    synchronized void setDefault(String issuerId) {
        if (!issuers.containsKey(issuerId)) {
            throw new IllegalArgumentException("no issuer " + issuerId);
        }
        defaultIssuerId = issuerId;
    }

    synchronized void deleteIssuer(String issuerId) {
        issuers.remove(issuerId);
        issuerModified.remove(issuerId);
        crls.remove(issuerId);
        crlModified = now();
        if (defaultIssuerId.equals(issuerId)) {
            defaultIssuerId = "";
        }
    }

    synchronized List<Issuer> issuers() {
        return List.copyOf(issuers.values());
    }

    synchronized String defaultIssuerId() {
        return defaultIssuerId;
    }

    synchronized Optional<Issuer> issuer(String id) {
        return Optional.ofNullable(issuers.get(id));
    }

    /**
     * Resolves an issuer reference (id, name or {@code default}) like Vault's {@code resolveIssuerReference};
     * throws {@link UnknownIssuerException} with Vault's message.
     */
    synchronized Issuer resolve(String ref) {
        if ("default".equals(ref)) {
            if (defaultIssuerId.isEmpty()) {
                throw new UnknownIssuerException("no default issuer currently configured");
            }
            return issuers.get(defaultIssuerId);
        }
        Issuer byId = issuers.get(ref);
        if (byId != null) {
            return byId;
        }
        return issuers.values().stream().filter(i -> !i.name().isEmpty() && i.name().equals(ref)).findFirst()
                .orElseThrow(() -> new UnknownIssuerException("unable to find PKI issuer for reference: " + ref));
    }

    // ---- roles

    synchronized void putRole(Role role) {
        roles.put(role.name(), role);
    }

    synchronized void deleteRole(String name) {
        roles.remove(name);
    }

    synchronized Optional<Role> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    synchronized List<String> roleNames() {
        return List.copyOf(roles.keySet());
    }

    // ---- certificates

    void store(StoredCert cert) {
        certs.put(cert.serialText(), cert);
    }

    Optional<StoredCert> cert(String serial) {
        return Optional.ofNullable(certs.get(Serials.normalize(serial)));
    }

    List<String> serials() {
        return new ArrayList<>(certs.keySet());
    }

    List<String> revokedSerials() {
        return new ArrayList<>(revoked.keySet());
    }

    /** Marks the certificate revoked (once) and makes its issuer's CRL stale; returns the revocation time. */
    Instant revoke(StoredCert cert) {
        synchronized (this) {
            if (!cert.isRevoked()) {
                cert.revoke(now());
                revoked.put(cert.serialText(), cert);
                // with auto_rebuild Vault leaves the complete CRL until its grace period (delta CRLs carry the rest)
                issuer(cert.issuerId()).map(this::crlOwner).map(owner -> crls.get(owner.id()))
                        .ifPresent(crl -> crl.stale = !crlConfig.autoRebuild());
                crlModified = now();
            }
        }
        return cert.revokedAt();
    }

    // ---- CRLs

    /**
     * The issuer's current CRL; built on first use and rebuilt (number + 1) after a revocation. Issuers with the same
     * key and subject share one CRL, kept under the first of them, as Vault builds one CRL per key and subject.
     */
    synchronized X509CRL crl(Issuer asked) {
        Issuer issuer = crlOwner(asked);
        List<String> sharing = issuers.values().stream().filter(i -> crlOwner(i) == issuer).map(Issuer::id).toList();
        IssuerCrl state = crls.get(issuer.id());
        if (state != null && !state.stale && !autoRebuildDue(state.crl)) {
            return state.crl;
        }
        long number = state == null ? 1 : state.number + 1;
        Map<BigInteger, Instant> entries = new LinkedHashMap<>();
        revoked.values().stream().filter(c -> !crlConfig.disable() && sharing.contains(c.issuerId()))
                .forEach(c -> entries.put(c.serial(), c.revokedAt()));
        Instant thisUpdate = now();
        X509CRL crl = CertificateMinter.crl(issuer, entries, thisUpdate, thisUpdate.plus(crlConfig.expiry()), number);
        crls.put(issuer.id(), new IssuerCrl(number, crl));
        return crl;
    }

    /**
     * The delta CRL beside the issuer's complete CRL: Vault rebuilds one after every complete CRL, empty unless
     * {@code enable_delta} put revocations on it that the complete CRL lacks (with {@code auto_rebuild}, the only
     * mode Vault allows delta CRLs in), marked by a Delta CRL Indicator naming the complete CRL's number
     * ({@code buildAnyCRLs} in https://github.com/hashicorp/vault/blob/main/builtin/logical/pki/crl_util.go).
     */
    synchronized X509CRL deltaCrl(Issuer asked) {
        X509CRL complete = crl(asked);
        Issuer issuer = crlOwner(asked);
        IssuerCrl state = crls.get(issuer.id());
        List<String> sharing = issuers.values().stream().filter(i -> crlOwner(i) == issuer).map(Issuer::id).toList();
        Map<BigInteger, Instant> entries = new LinkedHashMap<>();
        revoked.values().stream().filter(c -> crlConfig.enableDelta() && !crlConfig.disable()
                        && sharing.contains(c.issuerId()) && complete.getRevokedCertificate(c.serial()) == null)
                .forEach(c -> entries.put(c.serial(), c.revokedAt()));
        if (state.delta == null || state.deltaEntries != entries.size()) {
            Instant thisUpdate = now();
            state.deltaNumber++;
            state.deltaEntries = entries.size();
            state.delta = CertificateMinter.deltaCrl(issuer, entries, thisUpdate,
                    thisUpdate.plus(crlConfig.expiry()), state.deltaNumber, state.number);
        }
        return state.delta;
    }

    /** With {@code auto_rebuild}, Vault rebuilds a complete CRL once within the grace period of its nextUpdate. */
    private boolean autoRebuildDue(X509CRL crl) {
        return crlConfig.autoRebuild() && crl.getNextUpdate() != null
                && !now().isBefore(crl.getNextUpdate().toInstant().minus(crlConfig.autoRebuildGracePeriod()));
    }

    /** When a CRL of the mount last changed; empty before the first issuer (Vault's zero time). */
    synchronized Optional<Instant> crlLastModified() {
        return Optional.ofNullable(crlModified);
    }

    /** When the issuer was last written; empty for an unknown issuer. */
    synchronized Optional<Instant> issuerLastModified(String issuerId) {
        return Optional.ofNullable(issuerModified.get(issuerId));
    }

    /** The first issuer (in creation order) with the same key and subject, whose CRL state the issuer shares. */
    private Issuer crlOwner(Issuer issuer) {
        if (issuer.keyId().isEmpty()) {
            return issuer;
        }
        for (Issuer other : issuers.values()) {
            if (other.keyId().equals(issuer.keyId()) && other.certificate().getSubjectX500Principal()
                    .equals(issuer.certificate().getSubjectX500Principal())) {
                return other;
            }
        }
        return issuer;
    }

    /** Replaces {@code config/crl}; Vault rebuilds the CRLs on a config write, so they are rebuilt on next read. */
    synchronized void crlConfig(CrlConfig config) {
        crlConfig = java.util.Objects.requireNonNull(config, "CRL config");
        crls.values().forEach(c -> c.stale = true);
        crlModified = now();
    }

    CrlConfig crlConfig() {
        return crlConfig;
    }

    // ---- test switches

    void legacy(boolean value) {
        legacy = value;
    }

    boolean legacy() {
        return legacy;
    }

    void corrupt(String serialOrIssuerId) {
        corrupted.add(Serials.normalize(serialOrIssuerId));
    }

    boolean isCorrupted(String serialOrIssuerId) {
        return !corrupted.isEmpty() && corrupted.contains(Serials.normalize(serialOrIssuerId));
    }

    // ---- encodings (honouring corruptCertificate)

    /** Stored issuer PEM (ends with a newline), or a PEM that does not parse when the issuer was corrupted. */
    String pem(Issuer issuer) {
        return isCorrupted(issuer.id()) ? CORRUPT_PEM : issuer.pem();
    }

    byte[] der(Issuer issuer) {
        return isCorrupted(issuer.id()) ? CORRUPT_DER.clone() : Pem.der(issuer.certificate());
    }

    /** Certificate PEM ending with a newline, or a PEM that does not parse when the serial was corrupted. */
    String pem(StoredCert cert) {
        return isCorrupted(cert.serialText()) ? CORRUPT_PEM : Pem.certificate(cert.certificate());
    }

    byte[] der(StoredCert cert) {
        return isCorrupted(cert.serialText()) ? CORRUPT_DER.clone() : Pem.der(cert.certificate());
    }

    /** Raised when an issuer reference does not resolve; the message is Vault's. */
    static final class UnknownIssuerException extends RuntimeException {
        UnknownIssuerException(String message) {
            super(message, null, false, false);
        }
    }
}

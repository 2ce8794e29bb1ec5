package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;
import org.bouncycastle.asn1.x509.GeneralName;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The PKI secrets engine of one mount (https://developer.hashicorp.com/vault/api-docs/secret/pki): routes requests
 * through {@link PkiRoutes} to the endpoint classes and
 * implements the {@link PkiMount} seeding API over the same {@link PkiStore}.
 */
public class PkiBackend implements Backend, PkiMount {

    private static final Set<String> UNAUTHENTICATED = Set.of("ca", "ca/pem", "ca_chain", "crl", "crl/pem", "crl/delta", "crl/delta/pem");
    private static final Set<String> UNAUTHENTICATED_ISSUER_SUFFIXES = Set.of("crl", "crl/der", "crl/pem", "crl/delta",
            "crl/delta/der", "crl/delta/pem", "pem", "der", "json");

    private final String namespace;
    private final String mountPath;
    private final PkiStore store;
    private final MountSettings settings;
    private final PkiRoutes routes;

    /** A mount of the flavor's default version (Vault 1.17.3, OpenBao 2.3.1). */
    public PkiBackend(Clock clock, Flavor flavor, String namespace, String mountPath) {
        this(clock, flavor, null, namespace, mountPath);
    }

    /** A mount of a server reporting {@code version} (e.g. {@code 1.12.4}): paths it lacks answer 404. */
    public PkiBackend(Clock clock, Flavor flavor, String version, String namespace, String mountPath) {
        this.namespace = namespace;
        this.mountPath = mountPath;
        this.store = new PkiStore(clock);
        this.settings = new MountSettings(clock.instant());
        PkiVersion pkiVersion = version == null ? PkiVersion.latest(flavor) : new PkiVersion(flavor, version);
        this.routes = new PkiRoutes(store, pkiVersion, new IssuerReads(store, flavor),
                new CertificateReads(store, flavor), new Issuance(store, flavor), new Revocation(store),
                new MountConfigReads(store, flavor), new HealthConfigReads(store, settings, pkiVersion),
                new KeyReads(store, settings, flavor));
    }

    @Override
    public String type() {
        return "pki";
    }

    @Override
    public boolean isUnauthenticated(Operation operation, String relativePath) {
        String p = relativePath;
        if (p.startsWith("cert/") || UNAUTHENTICATED.contains(p)) {
            return true;
        }
        if (p.equals("issuers")) {
            return !store.legacy();
        }
        if (p.startsWith("issuer/") && !store.legacy()) {
            String[] parts = p.split("/", 3);
            return parts.length == 3 && UNAUTHENTICATED_ISSUER_SUFFIXES.contains(parts[2]);
        }
        return false;
    }

    @Override
    public EmulatorResponse handle(EmulatorRequest request) {
        try {
            return routes.dispatch(request);
        } catch (PkiError e) {
            return e.response();
        } catch (IllegalArgumentException e) {
            // a request field of the wrong shape (bool, int, duration): Vault's field parser answers 400
            return EmulatorResponse.error(400, e.getMessage());
        }
    }

    // ---- PkiMount

    @Override
    public String path() {
        return mountPath;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public Issuer generateRoot(IssuerSpec spec) {
        return generate(spec, null);
    }

    @Override
    public Issuer rotateRoot(Issuer existing, IssuerSpec spec) {
        if (existing.keyPair() == null || store.issuer(existing.id()).isEmpty()) {
            throw new IllegalArgumentException("issuer " + existing.id() + " is not a root of this mount with a key");
        }
        Instant now = store.now();
        X509Certificate cert = CertificateMinter.ca(
                org.bouncycastle.asn1.x500.X500Name.getInstance(
                        existing.certificate().getSubjectX500Principal().getEncoded()),
                existing.keyPair(), null, spec.startAt(now), spec.endAt(now));
        var issuer = new Issuer(UUID.randomUUID().toString(), spec.name() == null ? "" : spec.name(),
                existing.keyId(), cert, Pem.certificate(cert), existing.keyPair(), List.of(cert));
        store.addIssuer(issuer);
        store.store(StoredCert.of(cert, issuer.id()));
        return issuer;
    }

    @Override
    public Issuer generateIntermediate(IssuerSpec spec, Issuer parent) {
        if (parent.keyPair() == null) {
            throw new IllegalArgumentException("parent issuer " + parent.id() + " has no key to sign with");
        }
        return generate(spec, parent);
    }

    private Issuer generate(IssuerSpec spec, Issuer parent) {
        Instant now = store.now();
        KeyPair keys = spec.key().generate();
        List<String> ou = spec.ou() == null ? List.of() : List.of(spec.ou());
        X509Certificate cert = CertificateMinter.ca(CertificateMinter.subject(spec.commonName(), ou, List.of()), keys,
                parent, spec.startAt(now), spec.endAt(now));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        if (parent != null) {
            chain.addAll(parent.chain());
        }
        var issuer = new Issuer(UUID.randomUUID().toString(), spec.name() == null ? "" : spec.name(),
                UUID.randomUUID().toString(), cert, Pem.certificate(cert), keys, chain);
        store.addIssuer(issuer);
        if (parent == null) {
            // Vault stores the certificates of roots it generates under certs/ too (docs/vault-compatibility.md#emulator-pki-engine)
            store.store(StoredCert.of(cert, issuer.id()));
        }
        return issuer;
    }

    @Override
    public Issuer importIssuer(X509Certificate certificate, X509Certificate... parents) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(List.of(parents));
        var issuer = new Issuer(UUID.randomUUID().toString(), "", "", certificate, Pem.certificate(certificate), null, chain);
        store.addIssuer(issuer);
        return issuer;
    }

    @Override
    public void setDefault(String issuerId) {
        store.setDefault(issuerId);
    }

    @Override
    public Optional<Issuer> defaultIssuer() {
        String id = store.defaultIssuerId();
        return id.isEmpty() ? Optional.empty() : store.issuer(id);
    }

    @Override
    public void deleteIssuer(String issuerId) {
        store.deleteIssuer(issuerId);
    }

    @Override
    public List<Issuer> issuers() {
        return store.issuers();
    }

    @Override
    public Role role(RoleSpec spec) {
        Role role = spec.build();
        store.putRole(role);
        return role;
    }

    @Override
    public Leaf issueLeaf(LeafSpec spec) {
        Issuer issuer = signer(spec);
        Instant now = store.now();
        KeyPair keys = spec.key().generate();
        BigInteger serial = spec.serial() != null ? spec.serial() : CertificateMinter.randomSerial();
        X509Certificate cert = CertificateMinter.leaf(serial, spec.subject(0), keys.getPublic(), spec.generalNames(),
                issuer, spec.startAt(now), spec.endAt(now));
        store.store(StoredCert.of(cert, issuer.id()));
        return new Leaf(Serials.format(serial), cert, Pem.certificate(cert), keys, issuer.id());
    }

    @Override
    public void signDeferred() {
        store.serials().parallelStream().forEach(serial -> store.cert(serial).ifPresent(StoredCert::certificate));
    }

    @Override
    public List<String> issueLeaves(int count, LeafSpec template) {
        Issuer issuer = signer(template);
        Instant now = store.now();
        Instant notBefore = template.startAt(now);
        Instant notAfter = template.endAt(now);
        KeyPair shared = template.key().generate();
        List<GeneralName> sans = template.generalNames();
        List<String> serials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigInteger serial = CertificateMinter.randomSerial();
            int index = i;
            var stored = new StoredCert(serial, issuer.id(), notAfter, () -> CertificateMinter.leaf(serial,
                    template.subject(index), shared.getPublic(), sans, issuer, notBefore, notAfter));
            store.store(stored);
            serials.add(stored.serialText());
        }
        return serials;
    }

    @Override
    public Instant revoke(String serial) {
        StoredCert cert = store.cert(serial).orElseThrow(() -> new IllegalArgumentException("no certificate " + serial));
        return store.revoke(cert);
    }

    @Override
    public List<String> certificateSerials() {
        return store.serials();
    }

    @Override
    public void legacy(boolean legacy) {
        store.legacy(legacy);
    }

    @Override
    public void corruptCertificate(String serialOrIssuerId) {
        store.corrupt(serialOrIssuerId);
    }

    @Override
    public void crlExpiry(Duration expiry) {
        store.crlConfig(store.crlConfig().withExpiry(expiry));
    }

    @Override
    public void crlConfig(CrlConfig config) {
        store.crlConfig(config);
    }

    @Override
    public void autoTidy(AutoTidyConfig config) {
        settings.autoTidy(config);
    }

    @Override
    public void tidyRun(TidyRun run, Instant lastAutoTidyFinished) {
        settings.tidyRun(run);
        if (lastAutoTidyFinished != null) {
            settings.lastAutoTidyFinished(lastAutoTidyFinished);
        }
    }

    @Override
    public void acmeConfig(AcmeConfig config) {
        settings.acme(config);
    }

    @Override
    public void clusterConfig(ClusterConfig config) {
        settings.cluster(config);
    }

    @Override
    public void managedKey(String keyId, String managedKeyName) {
        settings.managedKey(KeyReads.held(store, keyId), managedKeyName);
    }

    @Override
    public void keyName(String keyId, String name) {
        settings.keyName(KeyReads.held(store, keyId), name);
    }

    private Issuer signer(LeafSpec spec) {
        Issuer issuer = store.resolve(spec.issuerRef());
        if (issuer.keyPair() == null) {
            throw new IllegalArgumentException("issuer " + issuer.id() + " has no key to sign with");
        }
        return issuer;
    }
}

package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.Flavor;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;
import org.bouncycastle.asn1.x500.X500Name;
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
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The PKI secrets engine of one mount: routes requests (vault-api.md section 3) to the endpoint classes and
 * implements the {@link PkiMount} seeding API over the same {@link PkiStore}.
 */
public class PkiBackend implements Backend, PkiMount {

    /** Vault's {@code GenericNameRegex} for issuer refs and role names. */
    private static final Pattern NAME = Pattern.compile("\\w(([\\w.-]+)?\\w)?");
    private static final Set<String> UNAUTHENTICATED = Set.of("ca", "ca/pem", "ca_chain", "crl", "crl/pem", "crl/delta", "crl/delta/pem");
    private static final Set<String> UNAUTHENTICATED_ISSUER_SUFFIXES = Set.of("crl", "crl/der", "crl/pem", "crl/delta",
            "crl/delta/der", "crl/delta/pem", "pem", "der", "json");

    private final Flavor flavor;
    private final String namespace;
    private final String mountPath;
    private final PkiStore store;
    private final IssuerReads issuerReads;
    private final CertificateReads certificateReads;
    private final Issuance issuance;
    private final Revocation revocation;
    private final MountConfigReads configReads;

    public PkiBackend(Clock clock, Flavor flavor, String namespace, String mountPath) {
        this.flavor = flavor;
        this.namespace = namespace;
        this.mountPath = mountPath;
        this.store = new PkiStore(clock);
        this.issuerReads = new IssuerReads(store, flavor);
        this.certificateReads = new CertificateReads(store, flavor);
        this.issuance = new Issuance(store, flavor);
        this.revocation = new Revocation(store);
        this.configReads = new MountConfigReads(store, flavor);
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
            return route(request, request.operation(), request.relativePath().split("/"));
        } catch (PkiError e) {
            return e.response();
        } catch (IllegalArgumentException e) {
            // a request field of the wrong shape (bool, int, duration): Vault's field parser answers 400
            return EmulatorResponse.error(400, e.getMessage());
        }
    }

    private EmulatorResponse route(EmulatorRequest request, Operation op, String[] s) {
        String p = request.relativePath();
        return switch (s[0]) {
            case "issuers" -> s.length != 1 || store.legacy() ? Backend.unsupportedPath()
                    : only(op, Operation.LIST, () -> issuerReads.list(request));
            case "issuer" -> store.legacy() || s.length < 2 || !NAME.matcher(s[1]).matches() ? Backend.unsupportedPath()
                    : issuerRoute(request, op, s);
            case "cert" -> certRoute(op, s);
            case "ca" -> switch (p) {
                case "ca" -> only(op, Operation.READ, () -> issuerReads.caRaw("der"));
                case "ca/pem" -> only(op, Operation.READ, () -> issuerReads.caRaw("pem"));
                default -> Backend.unsupportedPath();
            };
            case "ca_chain" -> s.length == 1 ? only(op, Operation.READ, () -> issuerReads.caRaw("chain")) : Backend.unsupportedPath();
            case "crl" -> switch (p) {
                case "crl" -> only(op, Operation.READ, () -> issuerReads.defaultCrl("der"));
                case "crl/pem" -> only(op, Operation.READ, () -> issuerReads.defaultCrl("pem"));
                default -> Backend.unsupportedPath();
            };
            case "certs" -> switch (p) {
                case "certs" -> only(op, Operation.LIST, () -> certificateReads.list(request));
                case "certs/revoked" -> only(op, Operation.LIST, () -> certificateReads.listRevoked(request));
                default -> Backend.unsupportedPath();
            };
            case "issue", "sign" -> s.length == 2 && NAME.matcher(s[1]).matches()
                    ? only(op, Operation.UPDATE, () -> issuance.handle(request, s[1], null, s[0].equals("sign")))
                    : Backend.unsupportedPath();
            case "revoke" -> s.length == 1 ? only(op, Operation.UPDATE, () -> revocation.handle(request)) : Backend.unsupportedPath();
            case "roles" -> {
                if (s.length == 1) {
                    yield only(op, Operation.LIST, () -> configReads.listRoles(request));
                }
                yield s.length == 2 && NAME.matcher(s[1]).matches()
                        ? only(op, Operation.READ, () -> configReads.readRole(s[1])) : Backend.unsupportedPath();
            }
            case "config" -> switch (p) {
                case "config/issuers" -> store.legacy() ? Backend.unsupportedPath() : only(op, Operation.READ, issuerReads::configIssuers);
                case "config/urls" -> only(op, Operation.READ, configReads::urls);
                default -> Backend.unsupportedPath();
            };
            case "tidy-status" -> s.length == 1 ? only(op, Operation.READ, configReads::tidyStatus) : Backend.unsupportedPath();
            default -> Backend.unsupportedPath();
        };
    }

    private EmulatorResponse issuerRoute(EmulatorRequest request, Operation op, String[] s) {
        String ref = s[1];
        String rest = String.join("/", List.of(s).subList(2, s.length));
        return switch (rest) {
            case "" -> only(op, Operation.READ, () -> issuerReads.read(ref));
            case "json", "pem", "der" -> only(op, Operation.READ, () -> issuerReads.raw(ref, rest));
            case "crl" -> only(op, Operation.READ, () -> issuerReads.issuerCrl(ref, "json"));
            case "crl/pem" -> only(op, Operation.READ, () -> issuerReads.issuerCrl(ref, "pem"));
            case "crl/der" -> only(op, Operation.READ, () -> issuerReads.issuerCrl(ref, "der"));
            default -> {
                if (s.length == 4 && (s[2].equals("issue") || s[2].equals("sign")) && NAME.matcher(s[3]).matches()) {
                    yield only(op, Operation.UPDATE, () -> issuance.handle(request, s[3], ref, s[2].equals("sign")));
                }
                yield Backend.unsupportedPath();
            }
        };
    }

    private EmulatorResponse certRoute(Operation op, String[] s) {
        if (s.length < 2) {
            return Backend.unsupportedPath();
        }
        String rest = String.join("/", List.of(s).subList(1, s.length));
        return switch (rest) {
            case "ca" -> only(op, Operation.READ, () -> issuerReads.certCa(false));
            case "ca_chain" -> only(op, Operation.READ, () -> issuerReads.certCa(true));
            case "crl" -> only(op, Operation.READ, () -> issuerReads.defaultCrl("json"));
            case "ca/raw" -> only(op, Operation.READ, () -> issuerReads.caRaw("der"));
            case "ca/raw/pem" -> only(op, Operation.READ, () -> issuerReads.caRaw("pem"));
            default -> {
                String serial = s[1];
                if (!Serials.looksLikeSerial(serial) || s.length > 4) {
                    yield Backend.unsupportedPath();
                }
                String suffix = String.join("/", List.of(s).subList(2, s.length));
                yield switch (suffix) {
                    case "" -> only(op, Operation.READ, () -> certificateReads.read(serial));
                    case "raw" -> only(op, Operation.READ, () -> certificateReads.raw(serial, false));
                    case "raw/pem" -> only(op, Operation.READ, () -> certificateReads.raw(serial, true));
                    default -> Backend.unsupportedPath();
                };
            }
        };
    }

    /** Runs the handler for its single supported operation; anything else is 405 like Vault. */
    private static EmulatorResponse only(Operation actual, Operation expected, Supplier<EmulatorResponse> handler) {
        boolean matches = actual == expected || (expected == Operation.READ && actual == Operation.HEAD);
        return matches ? handler.get() : Backend.unsupportedOperation();
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
            // Vault stores the certificates of roots it generates under certs/ too (section 3.5)
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
        X509Certificate cert = CertificateMinter.leaf(serial, leafSubject(spec, 0), keys.getPublic(), sans(spec),
                issuer, spec.startAt(now), spec.endAt(now));
        store.store(StoredCert.of(cert, issuer.id()));
        return new Leaf(Serials.format(serial), cert, Pem.certificate(cert), keys, issuer.id());
    }

    @Override
    public List<String> issueLeaves(int count, LeafSpec template) {
        Issuer issuer = signer(template);
        Instant now = store.now();
        Instant notBefore = template.startAt(now);
        Instant notAfter = template.endAt(now);
        KeyPair shared = template.key().generate();
        List<GeneralName> sans = sans(template);
        List<String> serials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigInteger serial = CertificateMinter.randomSerial();
            int index = i;
            var stored = new StoredCert(serial, issuer.id(), notAfter, () -> CertificateMinter.leaf(serial,
                    leafSubject(template, index), shared.getPublic(), sans, issuer, notBefore, notAfter));
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
        store.crlExpiry(expiry);
    }

    private Issuer signer(LeafSpec spec) {
        Issuer issuer = store.resolve(spec.issuerRef());
        if (issuer.keyPair() == null) {
            throw new IllegalArgumentException("issuer " + issuer.id() + " has no key to sign with");
        }
        return issuer;
    }

    private static X500Name leafSubject(LeafSpec spec, int index) {
        return CertificateMinter.subject(spec.commonNameFor(index), spec.ouList(), List.of());
    }

    private static List<GeneralName> sans(LeafSpec spec) {
        List<GeneralName> sans = new ArrayList<>();
        spec.dnsNameList().forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
        spec.ipAddressList().forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
        spec.uriList().forEach(u -> sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, u)));
        return sans;
    }
}

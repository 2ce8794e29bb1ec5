package io.vaultpki.exporter.material;

import io.vaultpki.client.cert.KeyType;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultNotFoundException;
import io.vaultpki.client.http.VaultServerException;
import io.vaultpki.client.pki.CertificateRecord;
import io.vaultpki.client.pki.IssueRequest;
import io.vaultpki.client.pki.IssuedCertificate;
import io.vaultpki.client.pki.Issuer;
import io.vaultpki.client.pki.IssuerSummary;
import io.vaultpki.client.pki.MultiIssuerUnsupportedException;
import io.vaultpki.client.pki.PkiOperations;
import io.vaultpki.client.pki.PrivateKeyMaterial;
import io.vaultpki.client.pki.SignRequest;
import io.vaultpki.exporter.spec.ExportSpec;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Obtains an export's material from Vault's PKI engine, one Vault call pattern per source: {@code issue} and
 * {@code sign} mint a new certificate, {@code issuer} reads a CA and its parents, {@code certificate} reads a stored
 * certificate and finds the issuer that signed it. Vault's typed exceptions (403, sealed, timeouts) pass through
 * unchanged so callers can keep existing files and back off; answers that cannot serve the spec become
 * {@link MaterialException}.
 *
 * @see <a href="https://developer.hashicorp.com/vault/api-docs/secret/pki">Vault PKI secrets engine API</a>
 */
public final class VaultMaterialSource implements MaterialSource {

    private static final String DEFAULT_ISSUER = "default";

    private final VaultClient client;

    public VaultMaterialSource(VaultClient client) {
        this.client = client;
    }

    @Override
    public CertificateMaterial obtain(ExportSpec spec) {
        PkiOperations pki = client.pki(spec.mount());
        return switch (spec.source()) {
            case ISSUE -> issue(pki, spec);
            case SIGN -> sign(pki, spec);
            case ISSUER -> issuer(pki, spec.effectiveIssuerRef());
            case CERTIFICATE -> certificate(pki, spec.serial());
        };
    }

    private CertificateMaterial issue(PkiOperations pki, ExportSpec spec) {
        IssueRequest request = IssueRequest.of(spec.commonName())
                .withAltNames(spec.altNames().toArray(String[]::new))
                .withIpSans(spec.ipSans().toArray(String[]::new))
                .withUriSans(spec.uriSans().toArray(String[]::new))
                .withTtl(spec.ttl())
                .withIssuerRef(blankToNull(spec.issuerRef()))
                .withPrivateKeyFormat("pkcs8");
        IssuedCertificate issued = pki.issue(spec.role(), request);
        String path = pki.mount() + "/issue/" + spec.role();
        PrivateKeyMaterial keyMaterial = issued.privateKey().orElseThrow(
                () -> new MaterialException(path, "Vault issued certificate " + issued.serialNumber() + " without a private key"));
        requireKeyType(path, spec, issued.certificate());
        PrivateKey key = PrivateKeyReader.read(path, keyMaterial.reveal());
        ChainSplit split = ChainSplit.of(caChain(issued));
        return new CertificateMaterial(issued.certificate(), split.chain(), split.roots(), Optional.of(key), issued.warnings());
    }

    private CertificateMaterial sign(PkiOperations pki, ExportSpec spec) {
        SignRequest request = SignRequest.fromCsr()
                .withTtl(spec.ttl())
                .withIssuerRef(blankToNull(spec.issuerRef()))
                .withCommonName(blankToNull(spec.commonName()));
        IssuedCertificate signed = pki.sign(spec.role(), spec.csr(), request);
        ChainSplit split = ChainSplit.of(caChain(signed));
        return new CertificateMaterial(signed.certificate(), split.chain(), split.roots(), Optional.empty(), signed.warnings());
    }

    private CertificateMaterial issuer(PkiOperations pki, String ref) {
        Issuer issuer;
        try {
            issuer = readIssuer(pki, ref);
        } catch (VaultNotFoundException e) {
            if (!e.isUnsupportedPath()) {
                throw e;
            }
            return legacyIssuer(pki, ref, e);
        }
        ParsedCertificate ca = issuer.certificate();
        List<ParsedCertificate> parents = new ArrayList<>();
        for (ParsedCertificate c : issuer.caChain()) {
            if (!c.certificate().equals(ca.certificate())) {
                parents.add(c);
            }
        }
        if (ca.selfSigned() || parents.isEmpty()) {
            // a root is its own anchor; an intermediate imported without its parents is the top of what Vault knows
            return new CertificateMaterial(ca, List.of(), List.of(ca), Optional.empty(), List.of());
        }
        ChainSplit split = ChainSplit.of(parents);
        return new CertificateMaterial(ca, split.chain(), split.roots(), Optional.empty(), List.of());
    }

    /** Before Vault 1.11 a mount has one CA, readable only through {@code cert/ca}, which answers for {@code default}. */
    private CertificateMaterial legacyIssuer(PkiOperations pki, String ref, VaultNotFoundException cause) {
        String path = pki.mount() + "/cert/ca";
        if (!DEFAULT_ISSUER.equals(ref)) {
            throw new MaterialException(FailureReason.INVALID_REQUEST, pki.mount() + "/issuer/" + ref, "mount " + pki.mount()
                    + " predates Vault 1.11 and has no issuers API; only issuer reference \"default\" can be exported", cause);
        }
        ParsedCertificate ca = pki.readDefaultCa()
                .orElseThrow(() -> new MaterialException(FailureReason.NOT_FOUND, path, "mount " + pki.mount()
                        + " has no CA certificate", null));
        return new CertificateMaterial(ca, List.of(), List.of(ca), Optional.empty(), List.of());
    }

    private CertificateMaterial certificate(PkiOperations pki, String serial) {
        String normalized = vaultSerial(pki, serial);
        String path = pki.mount() + "/cert/" + normalized;
        CertificateRecord record = pki.readCertificate(normalized)
                .orElseThrow(() -> new MaterialException(FailureReason.NOT_FOUND, path, "certificate " + normalized
                        + " not found on mount " + pki.mount(), null));
        if (record.revoked()) {
            throw new MaterialException(FailureReason.INVALID_REQUEST, path, "certificate " + normalized
                    + " is revoked (since " + record.revocationTime().orElseThrow() + ")", null);
        }
        ParsedCertificate leaf = record.certificate();
        List<ParsedCertificate> caChain = signerChain(pki, leaf)
                .orElseThrow(() -> new MaterialException(path, "no issuer of mount " + pki.mount()
                        + " signed certificate " + normalized));
        ChainSplit split = ChainSplit.of(caChain);
        return new CertificateMaterial(leaf, split.chain(), split.roots(), Optional.empty(), List.of());
    }

    /** The chain (signer first) of the mount issuer whose key verifies {@code leaf}'s signature. */
    private Optional<List<ParsedCertificate>> signerChain(PkiOperations pki, ParsedCertificate leaf) {
        List<IssuerSummary> issuers;
        try {
            issuers = pki.listIssuers();
        } catch (MultiIssuerUnsupportedException e) {
            return pki.readDefaultCa().filter(ca -> signed(leaf, ca)).map(List::of);
        }
        for (IssuerSummary summary : issuers) {
            Issuer issuer = pki.readIssuer(summary.id());
            if (signed(leaf, issuer.certificate())) {
                return Optional.of(issuer.caChain().isEmpty() ? List.of(issuer.certificate()) : issuer.caChain());
            }
        }
        return Optional.empty();
    }

    private static boolean signed(ParsedCertificate leaf, ParsedCertificate ca) {
        if (!leaf.certificate().getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            leaf.certificate().verify(ca.certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** An unknown issuer reference is Vault's 500 "unable to find PKI issuer": the spec, not Vault, is at fault. */
    private static Issuer readIssuer(PkiOperations pki, String ref) {
        try {
            return pki.readIssuer(ref);
        } catch (VaultServerException e) {
            if (e.isPkiReferenceError()) {
                throw new MaterialException(FailureReason.NOT_FOUND, pki.mount() + "/issuer/" + ref, "issuer " + ref
                        + " not found on mount " + pki.mount(), e);
            }
            throw e;
        }
    }

    private static List<ParsedCertificate> caChain(IssuedCertificate issued) {
        if (!issued.caChain().isEmpty()) {
            return issued.caChain();
        }
        return issued.issuingCa().map(List::of).orElse(List.of());
    }

    private static void requireKeyType(String path, ExportSpec spec, ParsedCertificate cert) {
        if (spec.keyType() == null && spec.keyBits() == 0) {
            return;
        }
        String actualType = cert.keyType().name().toLowerCase(Locale.ROOT);
        boolean typeOk = spec.keyType() == null || spec.keyType().equalsIgnoreCase(actualType);
        boolean bitsOk = spec.keyBits() == 0 || cert.keyType() == KeyType.ED25519 || spec.keyBits() == cert.keyBits();
        if (!typeOk || !bitsOk) {
            throw new MaterialException(FailureReason.INVALID_REQUEST, path, "role " + spec.role() + " issued "
                    + describe(actualType, cert.keyBits()) + " keys; export requires "
                    + describe(spec.keyType() == null ? actualType : spec.keyType(), spec.keyBits()), null);
        }
    }

    private static String describe(String type, int bits) {
        return bits == 0 || "ed25519".equals(type) ? type : type + "-" + bits;
    }

    /** Vault's colon-hex form of a serial given as colon-hex, dash-hex or plain hex ({@code 7A3F0042}). */
    private static String vaultSerial(PkiOperations pki, String serial) {
        String s = serial == null ? "" : serial.strip();
        if (s.matches("[0-9A-Fa-f]+")) {
            String even = s.length() % 2 == 0 ? s : "0" + s;
            s = String.join(":", even.split("(?<=\\G..)"));
        }
        try {
            return SerialNumbers.normalize(s);
        } catch (IllegalArgumentException e) {
            throw new MaterialException(pki.mount() + "/cert", "'" + serial + "' is not a certificate serial number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "VaultMaterialSource[" + client + "]";
    }
}

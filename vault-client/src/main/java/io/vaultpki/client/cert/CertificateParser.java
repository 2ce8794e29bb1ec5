package io.vaultpki.client.cert;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.util.io.pem.PemObject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Parses certificates from PEM (one or several blocks, any surrounding whitespace, other block types such as keys
 * skipped) or DER. Every failure is a {@link CertificateParseException} naming the Vault path it came from.
 */
public final class CertificateParser {

    private CertificateParser() {
    }

    /** The first certificate of a PEM text. */
    public static ParsedCertificate parse(String vaultPath, String pem) {
        return parseAll(vaultPath, pem).get(0);
    }

    /** All certificates of a PEM text, in order; at least one. */
    public static List<ParsedCertificate> parseAll(String vaultPath, String pem) {
        if (pem == null || pem.isBlank()) {
            throw new CertificateParseException(vaultPath, "no certificate in response");
        }
        return parseAll(vaultPath, pem.getBytes(StandardCharsets.UTF_8));
    }

    /** All certificates of PEM or DER bytes (sniffed), in order; at least one. */
    public static List<ParsedCertificate> parseAll(String vaultPath, byte[] data) {
        if (data == null || data.length == 0) {
            throw new CertificateParseException(vaultPath, "no certificate in response");
        }
        List<byte[]> ders = new ArrayList<>();
        if (Pem.isPem(data)) {
            try {
                for (PemObject block : Pem.blocks(new String(data, StandardCharsets.UTF_8))) {
                    if (block.getType().endsWith("CERTIFICATE")) {
                        ders.add(block.getContent());
                    }
                }
            } catch (Exception e) {
                throw new CertificateParseException(vaultPath, "malformed PEM", e);
            }
            if (ders.isEmpty()) {
                throw new CertificateParseException(vaultPath, "no CERTIFICATE block in PEM");
            }
        } else {
            ders.add(data);
        }
        List<ParsedCertificate> out = new ArrayList<>();
        for (byte[] der : ders) {
            out.add(fromDer(vaultPath, der));
        }
        return out;
    }

    /** Parses one DER certificate. */
    public static ParsedCertificate fromDer(String vaultPath, byte[] der) {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateParseException(vaultPath, "certificate does not parse", e);
        }
        return describe(vaultPath, cert);
    }

    /** Extracts the fields of an already parsed certificate. */
    public static ParsedCertificate describe(String vaultPath, X509Certificate cert) {
        try {
            X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
            List<String> cns = values(subject, BCStyle.CN);
            List<String> dns = new ArrayList<>();
            List<String> ips = new ArrayList<>();
            List<String> uris = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    Object value = san.get(1);
                    switch (type) {
                        case 1 -> emails.add(String.valueOf(value));
                        case 2 -> dns.add(String.valueOf(value));
                        case 6 -> uris.add(String.valueOf(value));
                        case 7 -> ips.add(String.valueOf(value));
                        default -> { }
                    }
                }
            }
            PublicKey key = cert.getPublicKey();
            KeyType keyType = keyType(key);
            return new ParsedCertificate(cert, cert.getSubjectX500Principal().getName(),
                    cns.isEmpty() ? "" : cns.get(0), values(subject, BCStyle.OU),
                    cert.getIssuerX500Principal().getName(), List.copyOf(dns), List.copyOf(ips), List.copyOf(uris),
                    List.copyOf(emails), SerialNumbers.format(cert.getSerialNumber()),
                    cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), keyType, keyBits(keyType, key),
                    cert.getBasicConstraints() >= 0, selfSigned(cert), Pem.encode("CERTIFICATE", cert.getEncoded()));
        } catch (CertificateParsingException | java.security.cert.CertificateEncodingException | RuntimeException e) {
            throw new CertificateParseException(vaultPath, "certificate fields do not parse", e);
        }
    }

    private static List<String> values(X500Name name, ASN1ObjectIdentifier oid) {
        List<String> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs(oid)) {
            out.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        return List.copyOf(out);
    }

    private static KeyType keyType(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> KeyType.RSA;
            case "EC" -> KeyType.EC;
            case "Ed25519", "EdDSA" -> KeyType.ED25519;
            default -> KeyType.OTHER;
        };
    }

    private static int keyBits(KeyType type, PublicKey key) {
        return switch (type) {
            case RSA -> ((RSAPublicKey) key).getModulus().bitLength();
            case EC -> ((ECPublicKey) key).getParams().getOrder().bitLength();
            case ED25519 -> 256;
            default -> 0;
        };
    }

    private static boolean selfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}

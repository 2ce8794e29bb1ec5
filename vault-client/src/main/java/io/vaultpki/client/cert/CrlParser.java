package io.vaultpki.client.cert;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.util.io.pem.PemObject;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Optional;

/** Parses a CRL from PEM or DER (sniffed). Failures are {@link CertificateParseException}s naming the path. */
public final class CrlParser {

    private CrlParser() {
    }

    /** Parses a PEM CRL (trailing whitespace allowed). */
    public static ParsedCrl parse(String vaultPath, String pem) {
        if (pem == null || pem.isBlank()) {
            throw new CertificateParseException(vaultPath, "no CRL in response");
        }
        return parse(vaultPath, pem.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a PEM or DER CRL, sniffing which. */
    public static ParsedCrl parse(String vaultPath, byte[] data) {
        if (data == null || data.length == 0) {
            throw new CertificateParseException(vaultPath, "no CRL in response");
        }
        byte[] der = data;
        if (Pem.isPem(data)) {
            try {
                der = Pem.blocks(new String(data, StandardCharsets.UTF_8)).stream()
                        .filter(b -> b.getType().endsWith("CRL"))
                        .map(PemObject::getContent)
                        .findFirst()
                        .orElseThrow(() -> new CertificateParseException(vaultPath, "no X509 CRL block in PEM"));
            } catch (CertificateParseException e) {
                throw e;
            } catch (Exception e) {
                throw new CertificateParseException(vaultPath, "malformed PEM", e);
            }
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            int revoked = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
            return new ParsedCrl(crl, crl.getIssuerX500Principal().getName(), crl.getThisUpdate().toInstant(),
                    Optional.ofNullable(crl.getNextUpdate()).map(java.util.Date::toInstant), crlNumber(crl), revoked,
                    crl.getEncoded().length);
        } catch (Exception e) {
            throw new CertificateParseException(vaultPath, "CRL does not parse", e);
        }
    }

    private static Optional<BigInteger> crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (ext == null) {
            return Optional.empty();
        }
        byte[] inner = ASN1OctetString.getInstance(ext).getOctets();
        return Optional.of(ASN1Integer.getInstance(inner).getValue());
    }
}

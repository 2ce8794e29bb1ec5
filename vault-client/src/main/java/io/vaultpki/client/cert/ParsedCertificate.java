package io.vaultpki.client.cert;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * An X.509 certificate with the fields the monitor and exporter need.
 *
 * @param certificate  the JDK certificate
 * @param subjectDn    subject in RFC 2253 form
 * @param commonName   first CN of the subject, {@code ""} if none
 * @param organizationalUnits OU values of the subject
 * @param issuerDn     issuer in RFC 2253 form
 * @param dnsNames     DNS SANs
 * @param ipAddresses  IP SANs
 * @param uris         URI SANs
 * @param emails       e-mail SANs
 * @param serialNumber Vault's colon-hex form, e.g. {@code 3c:9f:01}
 * @param notBefore    start of validity
 * @param notAfter     end of validity
 * @param keyType      RSA, EC or Ed25519
 * @param keyBits      RSA modulus size, EC curve size, 256 for Ed25519
 * @param ca           basic constraints CA flag
 * @param selfSigned   issuer equals subject and the signature verifies with the certificate's own key
 * @param pem          PEM with exactly one trailing newline
 */
public record ParsedCertificate(X509Certificate certificate, String subjectDn, String commonName,
                                List<String> organizationalUnits, String issuerDn, List<String> dnsNames,
                                List<String> ipAddresses, List<String> uris, List<String> emails, String serialNumber,
                                Instant notBefore, Instant notAfter, KeyType keyType, int keyBits, boolean ca,
                                boolean selfSigned, String pem) {

    /** The serial as a number. */
    public BigInteger serial() {
        return certificate.getSerialNumber();
    }

    /** Whether the certificate is past its notAfter at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return now.isAfter(notAfter);
    }

    @Override
    public String toString() {
        return "ParsedCertificate[subject=" + subjectDn + ", serial=" + serialNumber + ", notAfter=" + notAfter + "]";
    }
}

package io.vaultpki.monitor.pkihealth.input;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The CLI's two certificate relations, for adapters that have the certificates rather than the facts: a root is
 * self-issued and self-signed ({@code bytes.Equal(cert.RawSubject, cert.RawIssuer) && cert.CheckSignatureFrom(cert)
 * == nil} in https://github.com/hashicorp/vault/blob/main/command/healthcheck/pki_ca_validity_period.go), and a
 * certificate was issued by an issuer when its issuer name is the issuer's subject and the issuer's key verifies
 * its signature (pki_root_issued_leaves.go).
 */
public final class Certificates {

    private Certificates() {
    }

    /** Whether {@code certificate} is a root: its subject is its issuer and its own key verifies it. */
    public static boolean isRoot(X509Certificate certificate) {
        return signedBy(certificate, certificate);
    }

    /** Whether {@code issuer} issued {@code certificate}: same name bytes, and the signature verifies. */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!Arrays.equals(certificate.getIssuerX500Principal().getEncoded(),
                issuer.getSubjectX500Principal().getEncoded())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}

package io.vaultpki.emulator.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * An issuer of an emulated PKI mount.
 *
 * @param id          issuer UUID
 * @param name        issuer name, {@code ""} for imported issuers
 * @param keyId       key UUID, {@code ""} when the mount holds no key for it (imported)
 * @param certificate the CA certificate
 * @param pem         stored PEM, ending with one {@code \n}
 * @param keyPair     the CA key pair; {@code null} for imported issuers
 * @param chain       this certificate first, then its parents up to the root
 */
public record Issuer(String id, String name, String keyId, X509Certificate certificate, String pem, KeyPair keyPair,
                     List<X509Certificate> chain) {

    public Issuer {
        chain = List.copyOf(chain);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Colon hex serial of the issuer certificate. */
    public String serialNumber() {
        return Serials.format(certificate.getSerialNumber());
    }

    /** Display form used by {@code ref} lookups and error messages. */
    @Override
    public String toString() {
        return "Issuer[id=" + id + ", name=" + name + ", subject=" + certificate.getSubjectX500Principal() + "]";
    }
}

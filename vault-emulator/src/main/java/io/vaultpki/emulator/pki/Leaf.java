package io.vaultpki.emulator.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/**
 * A leaf certificate seeded directly into a mount.
 *
 * @param serialNumber colon hex serial as {@code LIST certs} shows it
 * @param certificate  the certificate
 * @param pem          PEM ending with {@code \n}
 * @param keyPair      the leaf's key pair
 * @param issuerId     the signing issuer
 */
public record Leaf(String serialNumber, X509Certificate certificate, String pem, KeyPair keyPair, String issuerId) {

    @Override
    public String toString() {
        return "Leaf[serial=" + serialNumber + ", subject=" + certificate.getSubjectX500Principal() + "]";
    }
}

package io.vaultpki.emulator.pki;

import java.security.cert.X509CRL;

/**
 * The CRL state of one key and subject ({@code PkiStore}): the complete CRL with its number and whether a
 * revocation made it stale, and the delta CRL built beside it.
 */
final class IssuerCrl {
    final long number;
    final X509CRL crl;
    boolean stale;
    X509CRL delta;
    long deltaNumber;
    int deltaEntries;

    IssuerCrl(long number, X509CRL crl) {
        this.number = number;
        this.crl = crl;
    }
}

package io.vaultpki.emulator.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A certificate in a mount's {@code certs/} store. Bulk-seeded certificates are signed lazily on first read, so
 * seeding 100,000 of them costs only the bookkeeping.
 */
final class StoredCert {

    private final BigInteger serial;
    private final String serialText;
    private final String issuerId;
    private final Instant notAfter;
    private Supplier<X509Certificate> factory;
    private volatile X509Certificate certificate;
    private volatile Instant revokedAt;

    StoredCert(BigInteger serial, String issuerId, Instant notAfter, Supplier<X509Certificate> factory) {
        this.serial = serial;
        this.serialText = Serials.format(serial);
        this.issuerId = issuerId;
        this.notAfter = notAfter;
        this.factory = factory;
    }

    static StoredCert of(X509Certificate certificate, String issuerId) {
        var stored = new StoredCert(certificate.getSerialNumber(), issuerId, certificate.getNotAfter().toInstant(), null);
        stored.certificate = certificate;
        return stored;
    }

    BigInteger serial() {
        return serial;
    }

    String serialText() {
        return serialText;
    }

    String issuerId() {
        return issuerId;
    }

    Instant notAfter() {
        return notAfter;
    }

    X509Certificate certificate() {
        X509Certificate c = certificate;
        if (c == null) {
            synchronized (this) {
                if (certificate == null) {
                    certificate = factory.get();
                    factory = null;
                }
                c = certificate;
            }
        }
        return c;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant at) {
        revokedAt = at;
    }
}

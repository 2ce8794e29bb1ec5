package io.vaultpki.monitor.refresh;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A leaf certificate stored by an engine ({@code LIST <mount>/certs}). Parsed once per serial: a serial's
 * certificate never changes, only its revocation. Immutable, and compact because a monitor may hold 100,000 of them:
 * the times are kept as epoch milliseconds (certificate and CRL times have whole seconds) rather than as three
 * {@link Instant} objects, so that each leaf costs its serial, its common name and one small object.
 */
public final class LeafCertificate {

    private static final long NOT_REVOKED = Long.MIN_VALUE;

    private final String serial;
    private final String issuerId;
    private final String commonName;
    private final String ou;
    private final long notBefore;
    private final long notAfter;
    private final long revokedAt;
    private final boolean superseded;

    /**
     * @param serial      colon-hex serial (the {@code serial} label)
     * @param issuerId    issuing issuer ID when known (matched by the certificate's issuer and key), else {@code ""}
     * @param commonName  subject CN, may be {@code ""}
     * @param ou          subject OU(s) joined with {@code ","}, may be {@code ""}
     * @param notBefore   start of validity (to the millisecond)
     * @param notAfter    end of validity (to the millisecond)
     * @param revokedAt   revocation time when revoked (to the millisecond)
     * @param superseded  a newer certificate exists for the same (engine, common name, OU)
     */
    public LeafCertificate(String serial, String issuerId, String commonName, String ou, Instant notBefore,
                           Instant notAfter, Optional<Instant> revokedAt, boolean superseded) {
        this.serial = Objects.requireNonNull(serial, "serial");
        this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
        this.commonName = Objects.requireNonNull(commonName, "commonName");
        this.ou = ou.isEmpty() ? "" : ou;
        this.notBefore = notBefore.toEpochMilli();
        this.notAfter = notAfter.toEpochMilli();
        this.revokedAt = revokedAt.map(Instant::toEpochMilli).orElse(NOT_REVOKED);
        this.superseded = superseded;
    }

    public String serial() {
        return serial;
    }

    public String issuerId() {
        return issuerId;
    }

    public String commonName() {
        return commonName;
    }

    public String ou() {
        return ou;
    }

    public Instant notBefore() {
        return Instant.ofEpochMilli(notBefore);
    }

    public Instant notAfter() {
        return Instant.ofEpochMilli(notAfter);
    }

    public Optional<Instant> revokedAt() {
        return revokedAt == NOT_REVOKED ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revokedAt));
    }

    public boolean superseded() {
        return superseded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeafCertificate l && serial.equals(l.serial) && issuerId.equals(l.issuerId)
                && commonName.equals(l.commonName) && ou.equals(l.ou) && notBefore == l.notBefore
                && notAfter == l.notAfter && revokedAt == l.revokedAt && superseded == l.superseded;
    }

    @Override
    public int hashCode() {
        return Objects.hash(serial, issuerId, commonName, ou, notBefore, notAfter, revokedAt, superseded);
    }

    @Override
    public String toString() {
        return "LeafCertificate[serial=" + serial + ", issuerId=" + issuerId + ", commonName=" + commonName + ", ou="
                + ou + ", notBefore=" + notBefore() + ", notAfter=" + notAfter() + ", revokedAt=" + revokedAt()
                + ", superseded=" + superseded + "]";
    }
}

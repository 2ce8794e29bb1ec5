package io.vaultpki.emulator.pki;

import java.time.Duration;
import java.time.Instant;

/**
 * What to generate as an issuer: a fluent, mutable description read once by
 * {@link PkiMount#generateRoot(IssuerSpec)} / {@link PkiMount#generateIntermediate(IssuerSpec, Issuer)}.
 * Without explicit dates the certificate starts 30 seconds before the mount clock's now and lasts
 * {@link #validFor(Duration)} (default 3650 days).
 */
public final class IssuerSpec {

    private String name;
    private String commonName;
    private String ou;
    private KeyAlgorithm key = KeyAlgorithm.EC_P256;
    private Duration validity = Duration.ofDays(3650);
    private Instant notBefore;
    private Instant notAfter;

    private IssuerSpec(String name) {
        this.name = name;
        this.commonName = name;
    }

    /** An issuer named {@code name} whose common name is also {@code name}. */
    public static IssuerSpec named(String name) {
        return new IssuerSpec(name);
    }

    public IssuerSpec name(String name) {
        this.name = name;
        return this;
    }

    public IssuerSpec commonName(String commonName) {
        this.commonName = commonName;
        return this;
    }

    public IssuerSpec ou(String ou) {
        this.ou = ou;
        return this;
    }

    public IssuerSpec key(KeyAlgorithm key) {
        this.key = key;
        return this;
    }

    /** Validity counted from the mount clock's now (minus Vault's 30 s backdating). */
    public IssuerSpec validFor(Duration validity) {
        this.validity = validity;
        return this;
    }

    /** Fixed start, e.g. in the future for a not-yet-valid issuer. */
    public IssuerSpec notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    /** Fixed end, e.g. in the past for an expired issuer. */
    public IssuerSpec notAfter(Instant notAfter) {
        this.notAfter = notAfter;
        return this;
    }

    String name() {
        return name;
    }

    String commonName() {
        return commonName;
    }

    String ou() {
        return ou;
    }

    KeyAlgorithm key() {
        return key;
    }

    Instant startAt(Instant now) {
        return notBefore != null ? notBefore : now.minusSeconds(30);
    }

    Instant endAt(Instant now) {
        return notAfter != null ? notAfter : now.plus(validity);
    }
}

package io.vaultpki.emulator.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf to seed directly (no role checks): a fluent, mutable description read by
 * {@link PkiMount#issueLeaf(LeafSpec)} and {@link PkiMount#issueLeaves(int, LeafSpec)}. Defaults: signed by the
 * default issuer, EC P-256 key, valid from 30 s before now for 30 days. In bulk seeding a {@code %d} in the
 * common name is replaced by the leaf's index.
 */
public final class LeafSpec {

    private String commonName;
    private final List<String> ou = new ArrayList<>();
    private final List<String> dnsNames = new ArrayList<>();
    private final List<String> ipAddresses = new ArrayList<>();
    private final List<String> uris = new ArrayList<>();
    private Duration validity = Duration.ofDays(30);
    private Instant notBefore;
    private Instant notAfter;
    private String issuerRef = "default";
    private KeyAlgorithm key = KeyAlgorithm.EC_P256;
    private BigInteger serial;

    private LeafSpec(String commonName) {
        this.commonName = commonName;
    }

    public static LeafSpec commonName(String commonName) {
        return new LeafSpec(commonName);
    }

    public LeafSpec ou(String... units) {
        ou.addAll(List.of(units));
        return this;
    }

    public LeafSpec dnsNames(String... names) {
        dnsNames.addAll(List.of(names));
        return this;
    }

    public LeafSpec ipAddresses(String... ips) {
        ipAddresses.addAll(List.of(ips));
        return this;
    }

    public LeafSpec uris(String... values) {
        uris.addAll(List.of(values));
        return this;
    }

    public LeafSpec validFor(Duration validity) {
        this.validity = validity;
        return this;
    }

    public LeafSpec notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    public LeafSpec notAfter(Instant notAfter) {
        this.notAfter = notAfter;
        return this;
    }

    /** Issuer id or name of the signing issuer (default: the mount's default issuer). */
    public LeafSpec issuer(String issuerRef) {
        this.issuerRef = issuerRef;
        return this;
    }

    public LeafSpec issuer(Issuer issuer) {
        return issuer(issuer.id());
    }

    public LeafSpec key(KeyAlgorithm key) {
        this.key = key;
        return this;
    }

    /** Fixed certificate serial (single leaves only), e.g. one whose top bit is set. */
    public LeafSpec serial(BigInteger serial) {
        this.serial = serial;
        return this;
    }

    String commonNameFor(int index) {
        return commonName.contains("%d") ? commonName.replace("%d", Integer.toString(index)) : commonName;
    }

    List<String> ouList() {
        return List.copyOf(ou);
    }

    List<String> dnsNameList() {
        return List.copyOf(dnsNames);
    }

    List<String> ipAddressList() {
        return List.copyOf(ipAddresses);
    }

    List<String> uriList() {
        return List.copyOf(uris);
    }

    String issuerRef() {
        return issuerRef;
    }

    KeyAlgorithm key() {
        return key;
    }

    BigInteger serial() {
        return serial;
    }

    Instant startAt(Instant now) {
        return notBefore != null ? notBefore : now.minusSeconds(30);
    }

    Instant endAt(Instant now) {
        return notAfter != null ? notAfter : now.plus(validity);
    }

    /** The subject of the {@code index}-th leaf made from this spec. */
    X500Name subject(int index) {
        return CertificateMinter.subject(commonNameFor(index), ouList(), List.of());
    }

    /** The DNS, IP and URI SANs as BouncyCastle names. */
    List<GeneralName> generalNames() {
        List<GeneralName> sans = new ArrayList<>();
        dnsNameList().forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddressList().forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
        uriList().forEach(u -> sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, u)));
        return sans;
    }
}

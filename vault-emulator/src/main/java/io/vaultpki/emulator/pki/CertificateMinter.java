package io.vaultpki.emulator.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Makes real X.509 certificates and CRLs with BouncyCastle's builders and the JDK's signature providers. */
final class CertificateMinter {

    private CertificateMinter() {
    }

    /**
     * A random positive serial of up to 20 bytes, like Vault's {@code certutil.GenerateSerialNumber}. An emulator
     * needs uniqueness, not unpredictability, and bulk seeding needs speed, hence no SecureRandom.
     */
    static BigInteger randomSerial() {
        var random = ThreadLocalRandom.current();
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        bytes[0] &= 0x7f;
        bytes[0] |= 0x01;
        return new BigInteger(bytes);
    }

    static X500Name subject(String commonName, List<String> ou, List<String> organization) {
        var b = new X500NameBuilder(BCStyle.INSTANCE);
        organization.forEach(o -> b.addRDN(BCStyle.O, o));
        ou.forEach(o -> b.addRDN(BCStyle.OU, o));
        if (commonName != null && !commonName.isEmpty()) {
            b.addRDN(BCStyle.CN, commonName);
        }
        return b.build();
    }

    /** A CA certificate; self-signed when {@code signer} is null. */
    static X509Certificate ca(X500Name subject, KeyPair keys, Issuer signer, Instant notBefore, Instant notAfter) {
        X500Name issuerName = signer == null ? subject : X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded());
        PrivateKey signingKey = signer == null ? keys.getPrivate() : signer.keyPair().getPrivate();
        try {
            var ext = new JcaX509ExtensionUtils();
            var b = new JcaX509v3CertificateBuilder(issuerName, randomSerial(), Date.from(notBefore), Date.from(notAfter),
                    subject, keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            PublicKey authorityKey = signer == null ? keys.getPublic() : signer.keyPair().getPublic();
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(authorityKey));
            return sign(b, signingKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build CA certificate", e);
        }
    }

    /** An end-entity certificate for server and client authentication. */
    static X509Certificate leaf(BigInteger serial, X500Name subject, PublicKey publicKey, List<GeneralName> sans,
                                Issuer signer, Instant notBefore, Instant notAfter) {
        try {
            var ext = new JcaX509ExtensionUtils();
            X500Name issuerName = X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, publicKey);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement));
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(signer.keyPair().getPublic()));
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return sign(b, signer.keyPair().getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build leaf certificate", e);
        }
    }

    /** A v2 CRL with a CRL number and authority key identifier, listing serial → revocation time. */
    static X509CRL crl(Issuer signer, Map<BigInteger, Instant> revoked, Instant thisUpdate, Instant nextUpdate, long number) {
        return deltaCrl(signer, revoked, thisUpdate, nextUpdate, number, -1);
    }

    /** A CRL; with {@code baseNumber >= 0} a delta CRL carrying the critical Delta CRL Indicator (RFC 5280 5.2.4). */
    static X509CRL deltaCrl(Issuer signer, Map<BigInteger, Instant> revoked, Instant thisUpdate, Instant nextUpdate,
                            long number, long baseNumber) {
        try {
            var b = new X509v2CRLBuilder(X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            revoked.forEach((serial, at) -> b.addCRLEntry(serial, Date.from(at), 0));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            if (baseNumber >= 0) {
                b.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.valueOf(baseNumber)));
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(signer.keyPair().getPublic()));
            return new JcaX509CRLConverter().getCRL(b.build(signer(signer.keyPair().getPrivate())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build CRL", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(KeyAlgorithm.of(key).signatureAlgorithm()).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + key.getAlgorithm(), e);
        }
    }
}

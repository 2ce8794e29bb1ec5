package io.vaultpki.exporter.files;

import io.vaultpki.emulator.pki.KeyAlgorithm;
import io.vaultpki.exporter.material.CertificateMaterial;
import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Format;
import io.vaultpki.exporter.spec.NamingProfile;
import io.vaultpki.exporter.spec.Source;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vaultpki.exporter.files.TestFiles.certificate;
import static io.vaultpki.exporter.files.TestFiles.certificates;
import static io.vaultpki.exporter.files.TestFiles.issueSpec;
import static io.vaultpki.exporter.files.TestFiles.keyMatches;
import static io.vaultpki.exporter.files.TestFiles.pemBlocks;
import static io.vaultpki.exporter.files.TestFiles.pkcs8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFormatsTest {

    private static final char[] P12_PASSWORD = "p12-secret".toCharArray();
    private static final char[] PASSPHRASE = "key-passphrase".toCharArray();
    private static TestPki pki;

    @TempDir
    Path root;

    @BeforeAll
    static void startVault() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stopVault() {
        pki.close();
    }

    private ExportStore store(FileSecrets secrets) {
        FileSettings d = FileSettings.defaults(root);
        return new ExportStore(new FileSettings(root, null, d.keyMode(), 1, d.grace(), secrets), Clock.systemUTC());
    }

    private static Instant renewAt() {
        return Instant.now().plusSeconds(3600);
    }

    @Test
    void everyFormatOfAnRsaKeyParsesBackToTheMaterial() throws Exception {
        assertEveryFormatParsesBack(KeyAlgorithm.RSA_2048);
    }

    @Test
    void everyFormatOfAnEcKeyParsesBackToTheMaterial() throws Exception {
        assertEveryFormatParsesBack(KeyAlgorithm.EC_P256);
    }

    @Test
    void everyFormatOfAnEd25519KeyParsesBackToTheMaterial() throws Exception {
        assertEveryFormatParsesBack(KeyAlgorithm.ED25519);
    }

    private void assertEveryFormatParsesBack(KeyAlgorithm algorithm) throws Exception {
        CertificateMaterial material = pki.leaf("all.example.com", algorithm);
        ExportSpec spec = issueSpec("all", Format.values());
        store(FileSecrets.of(P12_PASSWORD, null)).write(spec, material, renewAt(), false);
        Path dir = root.resolve("all");
        X509Certificate leaf = material.leaf().certificate();
        X509Certificate intermediate = pki.intermediate.certificate();
        X509Certificate rootCa = pki.root.certificate();

        assertThat(certificates(dir.resolve("cert.pem"))).containsExactly(leaf);
        assertThat(certificates(dir.resolve("chain.pem"))).containsExactly(intermediate).doesNotContain(rootCa);
        assertThat(certificates(dir.resolve("fullchain.pem"))).containsExactly(leaf, intermediate);
        assertThat(certificates(dir.resolve("ca.pem"))).containsExactly(rootCa);
        assertThat(certificate(Files.readAllBytes(dir.resolve("cert.der")))).isEqualTo(leaf);

        List<PemObject> keyPem = pemBlocks(dir.resolve("key.pem"));
        assertThat(keyPem).singleElement().extracting(PemObject::getType).isEqualTo("PRIVATE KEY");
        PrivateKey fromPem = pkcs8(keyPem.get(0).getContent(), leaf.getPublicKey().getAlgorithm());
        assertThat(keyMatches(fromPem, leaf)).isTrue();
        PrivateKey fromDer = pkcs8(Files.readAllBytes(dir.resolve("key.der")), leaf.getPublicKey().getAlgorithm());
        assertThat(keyMatches(fromDer, leaf)).isTrue();

        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("bundle.p12"))), P12_PASSWORD);
        assertThat(java.util.Collections.list(p12.aliases())).containsExactly("all");
        assertThat(keyMatches((PrivateKey) p12.getKey("all", P12_PASSWORD), leaf)).isTrue();
        assertThat(p12.getCertificateChain("all")).containsExactly(leaf, intermediate);

        List<PemObject> combined = pemBlocks(dir.resolve("combined.pem"));
        assertThat(combined).extracting(PemObject::getType).containsExactly("PRIVATE KEY", "CERTIFICATE", "CERTIFICATE");
        assertThat(keyMatches(pkcs8(combined.get(0).getContent(), leaf.getPublicKey().getAlgorithm()), leaf)).isTrue();
        assertThat(certificates(dir.resolve("combined.pem"))).containsExactly(leaf, intermediate);
    }

    @Test
    void chainVerifiesToCaPem() throws Exception {
        store(FileSecrets.none()).write(issueSpec("chain"), pki.leaf("chain.example.com", KeyAlgorithm.EC_P256), renewAt(), false);
        Path dir = root.resolve("chain");
        List<X509Certificate> full = certificates(dir.resolve("fullchain.pem"));
        X509Certificate anchor = certificates(dir.resolve("ca.pem")).get(0);

        var path = java.security.cert.CertificateFactory.getInstance("X.509").generateCertPath(full);
        var params = new java.security.cert.PKIXParameters(java.util.Set.of(new java.security.cert.TrustAnchor(anchor, null)));
        params.setRevocationEnabled(false);
        java.security.cert.CertPathValidator.getInstance("PKIX").validate(path, params);
    }

    @Test
    void aKeyIssuedThroughVaultIsWrittenAsPkcs8MatchingTheCertificate() throws Exception {
        CertificateMaterial material = pki.issue("web-rsa", "vault.example.com");
        store(FileSecrets.none()).write(issueSpec("vault"), material, renewAt(), false);

        List<PemObject> key = pemBlocks(root.resolve("vault/key.pem"));
        assertThat(key).singleElement().extracting(PemObject::getType).isEqualTo("PRIVATE KEY");
        assertThat(keyMatches(pkcs8(key.get(0).getContent(), "RSA"), material.leaf().certificate())).isTrue();
    }

    @Test
    void encryptedKeyDecryptsWithThePassphraseAndNotWithout() throws Exception {
        CertificateMaterial material = pki.leaf("enc.example.com", KeyAlgorithm.EC_P256);
        store(FileSecrets.of(null, PASSPHRASE)).write(issueSpec("enc", Format.PEM, Format.DER), material, renewAt(), false);
        Path dir = root.resolve("enc");

        List<PemObject> pem = pemBlocks(dir.resolve("key.pem"));
        assertThat(pem).singleElement().extracting(PemObject::getType).isEqualTo("ENCRYPTED PRIVATE KEY");
        var info = new org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo(pem.get(0).getContent());
        assertThat(info.getEncryptionAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.113549.1.5.13"); // PBES2
        byte[] plain = KeyEncoding.decrypt(pem.get(0).getContent(), PASSPHRASE);
        assertThat(keyMatches(pkcs8(plain, "EC"), material.leaf().certificate())).isTrue();
        assertThatThrownBy(() -> KeyEncoding.decrypt(pem.get(0).getContent(), "wrong".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> pkcs8(pem.get(0).getContent(), "EC")).isInstanceOf(java.security.spec.InvalidKeySpecException.class);

        byte[] der = KeyEncoding.decrypt(Files.readAllBytes(dir.resolve("key.der")), PASSPHRASE);
        assertThat(keyMatches(pkcs8(der, "EC"), material.leaf().certificate())).isTrue();
    }

    @Test
    void combinedFormatWithAKeyPassphraseIsRefused() {
        ExportSpec spec = issueSpec("haproxy", Format.COMBINED);

        assertThatThrownBy(() -> store(FileSecrets.of(null, PASSPHRASE)).write(spec,
                pki.leaf("haproxy.example.com", KeyAlgorithm.EC_P256), renewAt(), false))
                .isInstanceOf(InvalidMaterialException.class).hasMessageContaining("combined");
        assertThat(root.resolve("haproxy")).doesNotExist();
    }

    @Test
    void kubernetesProfileWritesTlsCrtTlsKeyAndCaCrt() throws Exception {
        CertificateMaterial material = pki.leaf("k8s.example.com", KeyAlgorithm.EC_P256);
        store(FileSecrets.none()).write(issueSpec("k8s", NamingProfile.KUBERNETES, Format.PEM, Format.FULLCHAIN),
                material, renewAt(), false);
        Path dir = root.resolve("k8s");

        assertThat(certificates(dir.resolve("tls.crt"))).containsExactly(material.leaf().certificate(), pki.intermediate.certificate());
        assertThat(pemBlocks(dir.resolve("tls.key"))).extracting(PemObject::getType).containsExactly("PRIVATE KEY");
        assertThat(certificates(dir.resolve("ca.crt"))).containsExactly(pki.root.certificate());
        assertThat(dir.resolve("key.pem")).doesNotExist();
        assertThat(dir.resolve("fullchain.pem")).doesNotExist();
        assertThat(store(FileSecrets.none()).files("k8s")).extracting(StoredFile::name)
                .containsExactlyInAnyOrder("tls.crt", "tls.key", "ca.crt", "cert.pem", "chain.pem");
    }

    @Test
    void certbotProfileWritesPrivkeyPem() throws Exception {
        store(FileSecrets.none()).write(issueSpec("certbot", NamingProfile.CERTBOT, Format.PEM, Format.FULLCHAIN),
                pki.leaf("certbot.example.com", KeyAlgorithm.EC_P256), renewAt(), false);
        Path dir = root.resolve("certbot");

        assertThat(pemBlocks(dir.resolve("privkey.pem"))).extracting(PemObject::getType).containsExactly("PRIVATE KEY");
        assertThat(dir.resolve("cert.pem")).exists();
        assertThat(dir.resolve("chain.pem")).exists();
        assertThat(dir.resolve("fullchain.pem")).exists();
        assertThat(dir.resolve("key.pem")).doesNotExist();
    }

    @Test
    void defaultProfileWritesDefaultNames() {
        store(FileSecrets.none()).write(issueSpec("plain"), pki.leaf("plain.example.com", KeyAlgorithm.EC_P256), renewAt(), false);

        assertThat(store(FileSecrets.none()).files("plain")).extracting(StoredFile::name).containsExactlyInAnyOrder(
                "cert.pem", "chain.pem", "ca.pem", "key.pem", "fullchain.pem", "cert.der", "key.der");
    }

    @Test
    void publicOnlySourcesWriteNoKeyFiles() {
        ExportSpec spec = ExportSpec.builder("issuer-ca", Source.ISSUER).mount("pki_int").formats(Format.values()).build();
        store(FileSecrets.of(P12_PASSWORD, null)).write(spec, pki.issuerMaterial(), renewAt(), false);

        List<StoredFile> files = store(FileSecrets.none()).files("issuer-ca");
        assertThat(files).extracting(StoredFile::role).containsExactlyInAnyOrder(
                ExportFile.CERT_PEM, ExportFile.FULLCHAIN_PEM, ExportFile.CA_PEM, ExportFile.CERT_DER);
        assertThat(files).noneMatch(StoredFile::privateFile);
        for (String key : List.of("key.pem", "key.der", "bundle.p12", "combined.pem")) {
            assertThat(root.resolve("issuer-ca").resolve(key)).doesNotExist();
        }
    }

    @Test
    void metadataHashesMatchTheFilesAndNoPublicFileHoldsKeyMaterial() throws Exception {
        CertificateMaterial material = pki.leaf("meta.example.com", KeyAlgorithm.RSA_2048);
        ExportSpec spec = issueSpec("meta", Format.values());
        WriteResult result = store(FileSecrets.of(P12_PASSWORD, null)).write(spec, material, renewAt(), true);
        Path version = result.versionDirectory();

        ExportMetadata metadata = ExportMetadata.fromJson(Files.readAllBytes(version.resolve("metadata.json")));
        assertThat(metadata).isEqualTo(result.metadata());
        assertThat(metadata.serial()).isEqualTo(material.serialNumber());
        assertThat(metadata.specHash()).isEqualTo(spec.specHash());
        assertThat(metadata.lifetimeShortened()).isTrue();
        assertThat(metadata.version()).isEqualTo(version.getFileName().toString());
        assertThat(metadata.files()).hasSize(9);
        for (Map.Entry<String, String> file : metadata.files().entrySet()) {
            assertThat(Hashes.sha256(Files.readAllBytes(version.resolve(file.getKey())))).as(file.getKey()).isEqualTo(file.getValue());
        }

        String keyBody = Base64.getEncoder().encodeToString(material.privateKey().orElseThrow().getEncoded());
        String keyFragment = keyBody.substring(keyBody.length() / 2, keyBody.length() / 2 + 40);
        byte[] encoded = material.privateKey().orElseThrow().getEncoded();
        String keyBytesFragment = new String(encoded, encoded.length - 40, 32, StandardCharsets.ISO_8859_1);
        List<String> publicFiles = Stream.concat(Stream.of("metadata.json"), Stream.of("cert.pem", "chain.pem",
                "fullchain.pem", "ca.pem", "cert.der")).toList();
        for (String name : publicFiles) {
            String content = new String(Files.readAllBytes(version.resolve(name)), StandardCharsets.ISO_8859_1);
            assertThat(content).as(name).doesNotContain(keyFragment).doesNotContain("PRIVATE KEY");
            assertThat(content).as(name).doesNotContain(keyBytesFragment);
        }
        assertThat(new String(Files.readAllBytes(version.resolve("key.pem")), StandardCharsets.US_ASCII).replace("\n", ""))
                .contains(keyFragment); // the probe does find a key where there is one
    }

    @Test
    void droppedFormatsLoseTheirVisibleLinks() {
        ExportStore store = store(FileSecrets.none());
        store.write(issueSpec("shrink", Format.PEM, Format.DER), pki.leaf("shrink.example.com", KeyAlgorithm.EC_P256), renewAt(), false);
        assertThat(root.resolve("shrink/key.der")).exists();

        store.write(issueSpec("shrink", Format.PEM), pki.leaf("shrink.example.com", KeyAlgorithm.EC_P256), renewAt(), false);

        assertThat(Files.exists(root.resolve("shrink/key.der"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(root.resolve("shrink/cert.der"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(root.resolve("shrink/key.pem")).exists();
    }

    @Test
    void readServesOneFileOfTheCurrentVersionWithItsSerial() throws Exception {
        CertificateMaterial material = pki.leaf("read.example.com", KeyAlgorithm.EC_P256);
        ExportStore store = store(FileSecrets.none());
        store.write(issueSpec("read"), material, renewAt(), false);

        StoredFileContent cert = store.read("read", "cert.pem").orElseThrow();
        assertThat(cert.bytes()).isEqualTo(Files.readAllBytes(root.resolve("read/cert.pem")));
        assertThat(cert.serial()).isEqualTo(material.serialNumber());
        assertThat(cert.file().role()).isEqualTo(ExportFile.CERT_PEM);
        assertThat(cert.file().privateFile()).isFalse();
        assertThat(store.read("read", "key.pem").orElseThrow().file().privateFile()).isTrue();
        assertThat(store.read("read", "metadata.json")).isPresent();
        assertThat(store.read("read", "bundle.p12")).isEmpty();
        assertThat(store.read("read", "../read/cert.pem")).isEmpty();
        assertThat(store.read("read", "..data")).isEmpty();
    }

    @Test
    void aVersionWithOneDamagedFileIsNotIntactSoNoneOfItsFilesIsListedOrServed() throws Exception {
        CertificateMaterial material = pki.leaf("damaged.example.com", KeyAlgorithm.EC_P256);
        ExportStore store = store(FileSecrets.none());
        WriteResult written = store.write(issueSpec("damaged"), material, renewAt(), false);
        assertThat(store.read("damaged", "cert.pem")).isPresent();

        // a truncated key in the version the link points at: the certificate beside it is intact, the version is not
        Files.write(written.versionDirectory().resolve("key.pem"), new byte[] {'x'});

        assertThat(store.isIntact("damaged")).isFalse();
        assertThat(store.current("damaged")).isEmpty();
        assertThat(store.files("damaged")).isEmpty();
        assertThat(store.read("damaged", "cert.pem")).isEmpty();
        assertThat(store.read("damaged", "metadata.json")).isEmpty();
    }
}

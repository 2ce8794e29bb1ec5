package io.vaultpki.client.pki;

import io.vaultpki.client.cert.TestCertificates;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseFormatException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Response shapes the emulator does not produce: documented string expiration, DER format, malformed bodies. */
class IssuedCertificateParsingTest {

    private final AtomicReference<VaultRequest> sent = new AtomicReference<>();

    private PkiOperations answering(String json) {
        return new PkiOperations("pki", request -> {
            sent.set(request);
            return new VaultHttpResponse(200, Map.of(), json.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void acceptsExpirationAsAStringLikeTheDocsShow() throws Exception {
        X509Certificate cert = TestCertificates.selfSigned("CN=s", TestCertificates.rsa(2048), BigInteger.TEN);
        String pem = TestCertificates.pem(cert).strip().replace("\n", "\\n");

        IssuedCertificate issued = answering("{\"data\":{\"certificate\":\"" + pem + "\",\"serial_number\":\"0A\","
                + "\"expiration\":\"1654105687\"},\"warnings\":null}").sign("web", "CSR", SignRequest.fromCsr());

        assertThat(issued.expiration()).isEqualTo(Instant.ofEpochSecond(1654105687));
        assertThat(issued.serialNumber()).isEqualTo("0a");
        assertThat(issued.warnings()).isEmpty();
        assertThat(sent.get().path()).isEqualTo("pki/sign/web");
        assertThat(sent.get().body()).containsEntry("csr", "CSR");
    }

    @Test
    void readsBase64DerCertificatesOfFormatDer() throws Exception {
        X509Certificate cert = TestCertificates.selfSigned("CN=der", TestCertificates.rsa(2048), BigInteger.TWO);
        String der = Base64.getEncoder().encodeToString(cert.getEncoded());

        IssuedCertificate issued = answering("{\"data\":{\"certificate\":\"" + der + "\",\"ca_chain\":[\"" + der
                + "\"],\"private_key\":\"MIIBVQ==\",\"private_key_type\":\"rsa\",\"expiration\":1}}")
                .issue("web", IssueRequest.of("der.example.com").withFormat("der"));

        assertThat(issued.certificate().commonName()).isEqualTo("der");
        assertThat(issued.caChain()).hasSize(1);
        assertThat(issued.privateKey()).get().satisfies(k -> assertThat(k.isPem()).isFalse());
        assertThat(sent.get().body()).containsEntry("format", "der").containsEntry("common_name", "der.example.com");
    }

    @Test
    void sendsIssueFieldsInVaultsShape() {
        IssueRequest request = IssueRequest.of("a.example.com").withAltNames("b.example.com", "c.example.com")
                .withIpSans("10.0.0.1").withUriSans("spiffe://x/y").withTtl(java.time.Duration.ofHours(2))
                .withPrivateKeyFormat("pkcs8").withRemoveRootsFromChain(true);

        assertThat(request.body()).isEqualTo(Map.of("common_name", "a.example.com",
                "alt_names", "b.example.com,c.example.com", "ip_sans", "10.0.0.1", "uri_sans", "spiffe://x/y",
                "ttl", "7200s", "private_key_format", "pkcs8", "remove_roots_from_chain", true));
        assertThatThrownBy(() -> IssueRequest.of("a").withIssuerRef(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedBodyIsAFormatErrorNamingThePath() {
        assertThatThrownBy(() -> answering("{\"data\":{\"keys\":[").listRoles())
                .isInstanceOf(VaultResponseFormatException.class)
                .hasMessageContaining("[pki/roles]");
        assertThatThrownBy(() -> answering("{\"data\":{}}").issue("web", IssueRequest.of("a")))
                .isInstanceOf(VaultResponseFormatException.class)
                .hasMessageContaining("certificate");
        assertThat(answering("{\"data\":{\"keys\":[\"a\",\"b\"]}}").listRoles()).isEqualTo(List.of("a", "b"));
    }
}

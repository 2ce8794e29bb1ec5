package io.vaultpki.client.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.cert.CertificateParseException;
import io.vaultpki.client.cert.CertificateParser;
import io.vaultpki.client.cert.ParsedCertificate;
import io.vaultpki.client.cert.SerialNumbers;
import io.vaultpki.client.http.JsonResponses;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseFormatException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the answer of {@code issue} and {@code sign}
 * (https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key): the certificate, issuing
 * CA, chain, private key, serial and expiration, in PEM or (with {@code format=der}) base64 DER.
 */
final class IssueResponses {

    private IssueResponses() {
    }

    /**
     * @param expectKey whether the answer carries a private key ({@code issue}) or not ({@code sign})
     */
    static IssuedCertificate read(VaultRequest req, VaultHttpResponse response, boolean expectKey) {
        JsonNode body = JsonResponses.body(req, response);
        JsonNode data = body.path("data");
        if (!data.isObject()) {
            throw new VaultResponseFormatException(req.path(), "no \"data\" object in response");
        }
        ParsedCertificate cert = certificate(req.path(), JsonResponses.text(req, data, "certificate"));
        String issuingPem = data.path("issuing_ca").asText("");
        List<ParsedCertificate> chain = new ArrayList<>();
        for (String pem : JsonResponses.strings(data.get("ca_chain"))) {
            chain.add(certificate(req.path(), pem));
        }
        String key = data.path("private_key").asText("");
        Optional<PrivateKeyMaterial> privateKey = expectKey && !key.isEmpty()
                ? Optional.of(new PrivateKeyMaterial(key, data.path("private_key_type").asText("")))
                : Optional.empty();
        String serial = data.path("serial_number").asText("");
        return new IssuedCertificate(cert,
                issuingPem.isEmpty() ? Optional.empty() : Optional.of(certificate(req.path(), issuingPem)),
                List.copyOf(chain), privateKey, serial.isEmpty() ? cert.serialNumber() : SerialNumbers.normalize(serial),
                expiration(req, data.get("expiration"), cert), JsonResponses.warnings(body));
    }

    /** PEM, PEM bundle, or base64 DER for {@code format=der}. */
    private static ParsedCertificate certificate(String vaultPath, String value) {
        if (value.contains("-----BEGIN")) {
            return CertificateParser.parse(vaultPath, value);
        }
        try {
            return CertificateParser.fromDer(vaultPath, Base64.getMimeDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            throw new CertificateParseException(vaultPath, "certificate is neither PEM nor base64 DER");
        }
    }

    /**
     * {@code expiration} is a number in Vault's code and a string in its docs (docs/vault-compatibility.md#client-pki).
     */
    private static Instant expiration(VaultRequest req, JsonNode node, ParsedCertificate cert) {
        if (node == null || node.isNull()) {
            return cert.notAfter();
        }
        if (node.isNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(node.asText().strip()));
        } catch (NumberFormatException e) {
            throw new VaultResponseFormatException(req.path(), "\"expiration\" is not a Unix time: " + node.asText());
        }
    }
}

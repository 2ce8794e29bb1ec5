package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Calls a {@link PkiBackend} the way the server core does, and decodes what comes back. */
final class PkiCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    private PkiCalls() {
    }

    static EmulatorResponse read(PkiBackend backend, String relativePath) {
        return call(backend, Operation.READ, relativePath, Map.of(), Map.of());
    }

    static EmulatorResponse list(PkiBackend backend, String relativePath) {
        return call(backend, Operation.LIST, relativePath, Map.of(), Map.of());
    }

    static EmulatorResponse list(PkiBackend backend, String relativePath, Map<String, String> query) {
        return call(backend, Operation.LIST, relativePath, query, Map.of());
    }

    static EmulatorResponse write(PkiBackend backend, String relativePath, Map<String, ?> body) {
        return call(backend, Operation.UPDATE, relativePath, Map.of(), body);
    }

    static EmulatorResponse call(PkiBackend backend, Operation op, String relativePath, Map<String, String> query, Map<String, ?> body) {
        ObjectNode json = JSON.valueToTree(body);
        var request = new EmulatorRequest(op, "", backend.path() + relativePath, backend.path(), relativePath, query,
                json, Optional.empty(), List.of());
        return backend.handle(request);
    }

    static String text(EmulatorResponse response) {
        return new String(response.rawBody(), StandardCharsets.UTF_8);
    }

    static String field(EmulatorResponse response, String name) {
        return response.data().get(name).asText();
    }

    static List<String> keys(EmulatorResponse response) {
        List<String> keys = new ArrayList<>();
        response.data().get("keys").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    static X509Certificate certificate(String pemOrDer) {
        return certificate(pemOrDer.getBytes(StandardCharsets.UTF_8));
    }

    static X509Certificate certificate(byte[] encoded) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
        } catch (Exception e) {
            throw new AssertionError("certificate does not parse", e);
        }
    }

    static X509CRL crl(byte[] encoded) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
        } catch (Exception e) {
            throw new AssertionError("CRL does not parse", e);
        }
    }

    /** The only error string of an error response. */
    static String error(EmulatorResponse response) {
        return response.errors().get(0);
    }
}

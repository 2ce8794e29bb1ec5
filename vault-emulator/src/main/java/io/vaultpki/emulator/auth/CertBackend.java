package io.vaultpki.emulator.auth;

import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.token.TokenStore;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * TLS certificate auth: {@code POST auth/<mount>/login} over mutual TLS, optional {@code name}. A certificate
 * signed by the emulator's client CA matches every role; {@code name} picks one, else the first registered.
 */
public final class CertBackend extends LoginBackend {

    private final Map<String, TokenSpec> roles = new LinkedHashMap<>();
    private final Supplier<Optional<X509Certificate>> clientCa;

    public CertBackend(TokenStore tokens, Clock clock, Supplier<Optional<X509Certificate>> clientCa) {
        super("cert", tokens, clock);
        this.clientCa = clientCa;
    }

    public CertBackend role(String name, TokenSpec spec) {
        synchronized (roles) {
            roles.put(name, spec);
        }
        return this;
    }

    @Override
    EmulatorResponse login(EmulatorRequest request) {
        if (request.clientCertificates().isEmpty() || !signedByClientCa(request.clientCertificates().get(0))) {
            return EmulatorResponse.error(400, "invalid certificate or no client certificate supplied");
        }
        String name = text(request, "name");
        TokenSpec spec;
        synchronized (roles) {
            if (name.isEmpty()) {
                name = roles.keySet().stream().findFirst().orElse("");
            }
            spec = roles.get(name);
        }
        if (spec == null) {
            return EmulatorResponse.error(400, "no certificate was matched by this request");
        }
        X509Certificate cert = request.clientCertificates().get(0);
        var metadata = new LinkedHashMap<String, String>();
        metadata.put("cert_name", name);
        metadata.put("common_name", commonName(cert));
        metadata.put("serial_number", cert.getSerialNumber().toString());
        metadata.put("subject_key_id", keyId(cert.getExtensionValue("2.5.29.14")));
        metadata.put("authority_key_id", keyId(cert.getExtensionValue("2.5.29.35")));
        return issue(request, spec, name, metadata);
    }

    private boolean signedByClientCa(X509Certificate cert) {
        var ca = clientCa.get();
        if (ca.isEmpty()) {
            return false;
        }
        try {
            cert.verify(ca.get().getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String commonName(X509Certificate cert) {
        for (String part : cert.getSubjectX500Principal().getName().split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return "";
    }

    /** Colon hex of the key identifier inside the extension's DER (last 20 bytes, as both SKI and AKI use SHA-1). */
    private static String keyId(byte[] extension) {
        if (extension == null || extension.length < 20) {
            return "";
        }
        byte[] id = java.util.Arrays.copyOfRange(extension, extension.length - 20, extension.length);
        return HexFormat.ofDelimiter(":").formatHex(id);
    }
}

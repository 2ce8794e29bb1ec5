package io.vaultpki.monitor.pkihealth.input;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored certificate ({@code LIST <mount>/certs}, {@code <mount>/cert/<serial>}).
 *
 * @param serial   colon-hex serial
 * @param ca       its basic constraints say CA (such certificates are not leaves and are skipped)
 * @param issuerId the id of the issuer of this mount that signed it, when one did
 */
public record LeafInput(String serial, boolean ca, Optional<String> issuerId) {

    public LeafInput {
        Objects.requireNonNull(serial, "serial");
        issuerId = issuerId == null ? Optional.empty() : issuerId;
    }

    /**
     * The facts of {@code certificate}; its issuer is the first of {@code issuers} (id to certificate) that signed it,
     * by the CLI's test ({@link Certificates#signedBy}).
     */
    public static LeafInput of(String serial, X509Certificate certificate, Map<String, X509Certificate> issuers) {
        Optional<String> issuer = issuers.entrySet().stream()
                .filter(e -> Certificates.signedBy(certificate, e.getValue())).map(Map.Entry::getKey).findFirst();
        return new LeafInput(serial, certificate.getBasicConstraints() >= 0, issuer);
    }
}

package io.vaultpki.monitor.pkihealth.input;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One issuer of the mount ({@code LIST <mount>/issuers}, {@code <mount>/issuer/<id>/json}, and {@code key_id} from
 * {@code <mount>/issuer/<id>}).
 *
 * @param id        issuer id (UUID)
 * @param name      issuer name, may be {@code ""}
 * @param notAfter  end of the certificate's validity
 * @param root      self-issued and self-signed (see {@link Certificates#isRoot})
 * @param keyId     the issuer's {@code key_id}; empty when the issuer has no key in this mount or it was not read
 * @param isDefault the mount's default issuer ({@code config/issuers} {@code default})
 * @param leafNotAfterBehavior the issuer's {@code leaf_not_after_behavior}: {@code err}, {@code truncate},
 *                  {@code permit}, or {@code ""} when unknown (how Vault treats a certificate that would outlive it)
 */
public record IssuerInput(String id, String name, Instant notAfter, boolean root, Optional<String> keyId,
                          boolean isDefault, String leafNotAfterBehavior) {

    public IssuerInput {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(notAfter, "notAfter");
        keyId = keyId == null ? Optional.empty() : keyId.filter(k -> !k.isBlank());
        leafNotAfterBehavior = leafNotAfterBehavior == null ? "" : leafNotAfterBehavior.strip();
    }

    /** Without a known {@code leaf_not_after_behavior}. */
    public IssuerInput(String id, String name, Instant notAfter, boolean root, Optional<String> keyId,
                       boolean isDefault) {
        this(id, name, notAfter, root, keyId, isDefault, "");
    }

    /** The facts of {@code certificate}, with the root test the CLI uses. */
    public static IssuerInput of(String id, String name, X509Certificate certificate, Optional<String> keyId,
                                 boolean isDefault) {
        return new IssuerInput(id, name, certificate.getNotAfter().toInstant(), Certificates.isRoot(certificate),
                keyId, isDefault);
    }

    /** How messages name it: {@code name (id)}, or the id alone. */
    public String display() {
        return name.isEmpty() ? id : name + " (" + id + ")";
    }
}

package io.vaultpki.monitor.refresh;

import java.time.Instant;

/**
 * An issuer of an engine, parsed from its certificate.
 *
 * @param id                   issuer ID (UUID), the {@code issuer} label
 * @param name                 issuer name, may be {@code ""}
 * @param commonName           subject CN of the issuer certificate
 * @param subject              full subject DN (status API only, never a label)
 * @param serial               certificate serial in Vault's colon-hex form
 * @param keyType              {@code rsa}, {@code ec} or {@code ed25519}
 * @param keyBits              key size
 * @param isDefault            the mount's default issuer
 * @param selfSigned           a root
 * @param leafNotAfterBehavior {@code err}, {@code truncate}, {@code permit}, or {@code ""} when unknown
 * @param notBefore            start of validity
 * @param notAfter             end of validity
 */
public record IssuerInfo(String id, String name, String commonName, String subject, String serial, String keyType,
                         int keyBits, boolean isDefault, boolean selfSigned, String leafNotAfterBehavior,
                         Instant notBefore, Instant notAfter) {
}

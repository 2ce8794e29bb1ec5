package io.vaultpki.client.pki;

import io.vaultpki.client.cert.ParsedCertificate;

import java.util.List;

/**
 * {@code GET :mount/issuer/:ref} (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer).
 *
 * @param id                   issuer ID
 * @param name                 issuer name, may be {@code ""}
 * @param keyId                key ID, {@code ""} if none
 * @param certificate          the issuer certificate
 * @param caChain              this issuer first, then its parents towards the root
 * @param usage                usages, e.g. {@code issuing-certificates}, {@code crl-signing}
 * @param leafNotAfterBehavior {@code err}, {@code truncate} or {@code permit}
 * @param revoked              whether the issuer was revoked
 */
public record Issuer(String id, String name, String keyId, ParsedCertificate certificate,
                     List<ParsedCertificate> caChain, List<String> usage, String leafNotAfterBehavior,
                     boolean revoked) {
}

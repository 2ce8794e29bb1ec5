package io.vaultpki.client.cert;

/** Public key algorithm of a certificate, named as Vault names {@code key_type}. */
public enum KeyType {
    RSA, EC, ED25519, OTHER
}

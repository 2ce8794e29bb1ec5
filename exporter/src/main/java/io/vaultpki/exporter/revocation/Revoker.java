package io.vaultpki.exporter.revocation;

/** Revokes one certificate in Vault; a failure is Vault's typed exception, classified by the one FailureClassifier. */
public interface Revoker {

    /** Revokes {@code serial} on {@code mount}; never answers {@link RevocationOutcome#FAILURE}, throws instead. */
    RevocationOutcome revoke(String mount, String serial);
}

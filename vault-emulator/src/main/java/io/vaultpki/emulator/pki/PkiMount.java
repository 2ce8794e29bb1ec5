package io.vaultpki.emulator.pki;

/**
 * Test-facing setup API of one emulated PKI mount (placeholder: the PKI helper extends it).
 */
public interface PkiMount {

    /** Mount path with trailing slash, e.g. {@code team/a/pki/}. */
    String path();

    /** Namespace with trailing slash, {@code ""} for root. */
    String namespace();
}

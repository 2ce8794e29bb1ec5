package io.vaultpki.exporter.registry;

/**
 * What start-up found on disk for an export, and so why it is due at once or not: decided where the export is loaded
 * ({@link ManagedExport#loaded}), told by the one-shot dry run ({@code --once --dry-run}).
 */
public enum Adoption {
    /** No intact version on disk: issue (or read) at once. */
    NO_FILES("no files yet"),
    /** Files made from another spec: re-issue at once. */
    SPEC_CHANGED("the spec changed"),
    /** Files past their notAfter. */
    EXPIRED("the certificate has expired"),
    /** Files past their renewal (or re-read) time. */
    DUE("the renewal time has passed"),
    /** Files valid, from the same spec and not due: adopted without a Vault call. */
    CURRENT("files are current");

    private final String reason;

    Adoption(String reason) {
        this.reason = reason;
    }

    /** A short phrase, e.g. {@code "the spec changed"}. */
    public String reason() {
        return reason;
    }
}

package io.vaultpki.exporter.revocation;

import java.util.Locale;

/** How one revocation attempt ended; the three first mean the replaced certificate needs nothing more. */
public enum RevocationOutcome {
    /** Vault revoked it now. */
    REVOKED,
    /** It was already revoked (by an operator, or by an earlier attempt whose answer was lost). */
    ALREADY_REVOKED,
    /** It has expired: Vault no longer puts it on a CRL, and nobody can use it any more. */
    EXPIRED,
    /** Vault could not be asked or refused; retried with the renewal back-off. */
    FAILURE;

    /** The metric label and audit word: {@code revoked}, {@code already_revoked}, {@code expired}, {@code failure}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean done() {
        return this != FAILURE;
    }
}

package io.vaultpki.client;

import java.util.Arrays;

/**
 * A Vault token. Holds the secret as a char array; {@link #toString()} never prints it (at most the accessor).
 * Shared by the transport (which sends it), the login methods (which obtain it) and the session (which keeps it).
 */
public final class VaultToken {

    private final char[] value;
    private final String accessor;

    private VaultToken(char[] value, String accessor) {
        this.value = value;
        this.accessor = accessor == null ? "" : accessor;
    }

    /** A token whose accessor is not known yet. */
    public static VaultToken of(String token) {
        return of(token, "");
    }

    /**
     * A token and its accessor ({@code ""} or null when unknown); surrounding whitespace is stripped.
     *
     * @throws IllegalArgumentException when {@code token} is null or blank
     */
    public static VaultToken of(String token, String accessor) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        return new VaultToken(token.strip().toCharArray(), accessor);
    }

    /** The secret token; only for the {@code X-Vault-Token} header. */
    public String reveal() {
        return new String(value);
    }

    /** Accessor, {@code ""} when unknown. Safe to log. */
    public String accessor() {
        return accessor;
    }

    /** The same secret with another accessor, e.g. the one lookup-self reported. */
    public VaultToken withAccessor(String newAccessor) {
        return new VaultToken(value, newAccessor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultToken t && Arrays.equals(value, t.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return accessor.isEmpty() ? "VaultToken[****]" : "VaultToken[accessor=" + accessor + "]";
    }
}

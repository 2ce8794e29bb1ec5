package io.vaultpki.client;

import java.util.Arrays;

/**
 * A Vault token. Holds the secret as a char array; {@link #toString()} never prints it (at most the accessor).
 */
public final class VaultToken {

    private final char[] value;
    private final String accessor;

    private VaultToken(char[] value, String accessor) {
        this.value = value;
        this.accessor = accessor == null ? "" : accessor;
    }

    public static VaultToken of(String token) {
        return of(token, "");
    }

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

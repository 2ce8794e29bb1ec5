package io.vaultpki.emulator.pki;

import java.math.BigInteger;
import java.util.Locale;

/** Vault's serial-number text forms (docs/vault-compatibility.md#emulator-pem-newlines-and-serials). */
public final class Serials {

    /** The serial pattern of Vault's {@code cert/<serial>} routes. */
    static final String PATTERN = "[0-9A-Fa-f:-]+";

    private Serials() {
    }

    /** Lower-case colon-separated hex of the positive value, without Java's {@code 00} sign byte. */
    public static String format(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        var sb = new StringBuilder((bytes.length - start) * 3);
        for (int i = start; i < bytes.length; i++) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return sb.toString();
    }

    /** Accepts {@code AB:CD}, {@code ab-cd} or mixed case and returns the listed form {@code ab:cd}. */
    public static String normalize(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace('-', ':');
    }
}

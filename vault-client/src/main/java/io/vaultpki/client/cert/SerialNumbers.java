package io.vaultpki.client.cert;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Vault's serial number form: lower-case hex bytes joined with {@code :}, no sign byte
 * (docs/vault-compatibility.md#client-pki).
 */
public final class SerialNumbers {

    private SerialNumbers() {
    }

    /** Formats like Vault: {@code 0x00ff01} → {@code ff:01} (Java's sign byte removed). */
    public static String format(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        StringBuilder sb = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (int i = start; i < bytes.length; i++) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(hex.toHexDigits(bytes[i]));
        }
        return sb.toString();
    }

    /**
     * Accepts {@code AB-CD}, {@code ab:cd}, mixed case and surrounding spaces; returns {@code ab:cd}. A serial already
     * in that form (as {@code LIST certs} returns every one) is returned as is, without a copy: a listing of 100,000
     * serials then costs no second set of strings.
     */
    public static String normalize(String serial) {
        if (isCanonical(serial)) {
            return serial;
        }
        String s = serial.strip().toLowerCase(Locale.ROOT).replace('-', ':');
        if (!s.matches("[0-9a-f]{1,2}(:[0-9a-f]{1,2})*")) {
            throw new IllegalArgumentException("not a serial number: '" + serial + "'");
        }
        StringBuilder sb = new StringBuilder();
        for (String part : s.split(":")) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(part.length() == 1 ? "0" + part : part);
        }
        return sb.toString();
    }

    /** Lower-case hex byte pairs joined by {@code :}, nothing else. */
    private static boolean isCanonical(String s) {
        int n = s.length();
        if (n < 2 || (n + 1) % 3 != 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The serial as a number. */
    public static BigInteger toBigInteger(String serial) {
        return new BigInteger(normalize(serial).replace(":", ""), 16);
    }
}

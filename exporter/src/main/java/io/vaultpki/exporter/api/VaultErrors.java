package io.vaultpki.exporter.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Vault's parsed {@code errors} strings made fit for an API client: at most a few, each length-limited and free of
 * control characters, so a misbehaving Vault or proxy cannot inject headers-like text or flood the response. The
 * raw response body is never passed on.
 */
final class VaultErrors {

    static final int MAX_ERRORS = 5;
    static final int MAX_LENGTH = 300;

    private VaultErrors() {
    }

    static List<String> sanitise(List<String> errors) {
        List<String> out = new ArrayList<>();
        for (String e : errors) {
            if (out.size() == MAX_ERRORS) {
                break;
            }
            String clean = text(e);
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return List.copyOf(out);
    }

    /** Control characters replaced by spaces, whitespace collapsed, cut at {@link #MAX_LENGTH} characters. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").replaceAll("\\s+", " ").strip();
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH - 1) + "…";
    }
}

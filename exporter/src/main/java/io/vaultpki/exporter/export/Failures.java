package io.vaultpki.exporter.export;

import io.vaultpki.client.http.VaultResponseException;

/** Short, secret-free descriptions of failures for status fields, audit lines and logs. */
final class Failures {

    private static final int MAX = 300;

    private Failures() {
    }

    /**
     * The failure's type and message, cut to a bounded length. vault-client messages carry method, path, status and
     * Vault's errors but never a token; material and file errors never hold key bytes.
     */
    static String describe(Throwable failure) {
        String text;
        if (failure instanceof VaultResponseException v) {
            text = "Vault " + v.status() + " on " + v.path() + ": " + String.join("; ", v.errors());
        } else {
            String message = failure.getMessage();
            text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        text = text.replaceAll("[\\p{Cntrl}]", " ");
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}

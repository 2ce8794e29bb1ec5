package io.vaultpki.support.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Content-Security-Policy source expressions for a page's own inline script or style: the SHA-256 of exactly the
 * text between its tags (https://www.w3.org/TR/CSP3/#grammardef-hash-source), so that the policy allows that element
 * and nothing else, and a mistake in escaping data from Vault could not run injected script.
 */
public final class InlineSources {

    private InlineSources() {
    }

    /** {@code 'sha256-<base64>'} of {@code inlineText}, ready for {@code script-src} or {@code style-src}. */
    public static String sha256(String inlineText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inlineText.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

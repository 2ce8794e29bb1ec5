package io.vaultpki.exporter.failure;

import io.vaultpki.client.failure.FailureClassifier;
import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.exporter.files.InvalidMaterialException;
import io.vaultpki.exporter.material.MaterialException;

import java.util.Optional;

/**
 * The exporter's view of a failure: its {@link FailureReason} (the suite's one vocabulary) and a short, secret-free
 * description for status fields, audit lines and logs.
 */
public final class Failures {

    private static final int MAX = 300;

    private Failures() {
    }

    /**
     * The reason of {@code failure}: {@link FailureClassifier} decides, except where the exporter itself judged what
     * Vault answered, which vault-client cannot know: material that fails validation ({@code parse_error}), a
     * certificate or issuer the export names that is not there ({@code not_found}), a key type the role does not
     * issue ({@code invalid_request}); see {@link MaterialException#reason()}.
     */
    public static FailureReason reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // the exporter already read Vault's answer and said what it means (an issuer reference Vault answers
            // with a 500 is a reference that does not exist), so its verdict beats the status it wraps
            if (t instanceof MaterialException m) {
                return m.reason();
            }
            if (t instanceof InvalidMaterialException) {
                return FailureReason.PARSE_ERROR;
            }
        }
        return FailureClassifier.classify(failure);
    }

    /** The message of the exporter's own judgement of Vault's answer ({@link MaterialException}), if it made one. */
    public static Optional<String> exportersVerdict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaterialException || t instanceof InvalidMaterialException) {
                return Optional.ofNullable(t.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The first Vault answer in the cause chain: its status, path and errors. */
    public static Optional<VaultResponseException> vaultAnswer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VaultResponseException v) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The failure's reason, type and message, cut to a bounded length, e.g. {@code sealed: Vault 503 on
     * pki_int/issue/web: Vault is sealed}. vault-client messages carry method, path, status and Vault's errors but
     * never a token; material and file errors never hold key bytes.
     */
    public static String describe(Throwable failure) {
        String text;
        if (failure instanceof VaultResponseException v) {
            text = "Vault " + v.status() + " on " + v.path() + ": " + String.join("; ", v.errors());
        } else {
            String message = failure.getMessage();
            text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        text = (reason(failure).label() + ": " + text).replaceAll("[\\p{Cntrl}]", " ");
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}

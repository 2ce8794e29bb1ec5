package io.vaultpki.exporter.spec;

import io.vaultpki.exporter.window.RenewWindow;
import io.vaultpki.exporter.window.RenewWindowException;

import java.util.List;

/** Reads the {@code renew_window} field, for the configuration's codec and the API's body parser alike. */
public final class RenewWindowField {

    public static final String NAME = "renew_window";

    private RenewWindowField() {
    }

    /**
     * The window {@code text} describes, {@code null} when it is absent or blank (no window, as a blank hook is no
     * hook); a text that does not follow the grammar adds a field error naming the bad part and gives {@code null}.
     */
    public static RenewWindow read(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RenewWindow.parse(text);
        } catch (RenewWindowException e) {
            errors.add(new FieldError(NAME, e.getMessage()));
            return null;
        }
    }
}

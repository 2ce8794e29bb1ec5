package io.vaultpki.exporter.window;

/**
 * A renew window that does not follow the grammar. The message reads after the field's name
 * ({@code renew_window has an unknown day 'Mo' ...}) and quotes the bad part, shortened, never the whole input.
 */
public final class RenewWindowException extends IllegalArgumentException {

    public RenewWindowException(String message) {
        super(message);
    }
}

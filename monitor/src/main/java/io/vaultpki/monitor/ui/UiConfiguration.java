package io.vaultpki.monitor.ui;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Locale;

/**
 * {@code monitor.ui.*}: the status page on {@code /}. Checked when the context starts ({@link Context}) like the
 * other settings records. The switch is bound as text and checked, because the framework's boolean conversion reads
 * any word but {@code true} (a typo such as {@code flase} or {@code off}) as false and would silently hide the page.
 *
 * @param enabled {@code true} (default) serves the status page on {@code /}; {@code false} makes {@code /} answer 404,
 *                leaving {@code /metrics} and {@code /api/v1/status} as they are
 * @param docsUrl where the page's footer links for its documentation; empty names the document as text instead (for
 *                sites that must not link outside). Only an {@code http(s)} URL: the value lands in an {@code href}
 */
@Context
@ConfigurationProperties(UiConfiguration.PREFIX)
public record UiConfiguration(
        @Bindable(defaultValue = "true") @NotNull
        @Pattern(regexp = "(?i)true|false", message = "monitor.ui.enabled must be true or false, was {validatedValue}")
        String enabled,
        @Bindable(defaultValue = DEFAULT_DOCS_URL) @NotNull
        @Pattern(regexp = "|https?://[^\\s\"'<>`]+", message = "monitor.ui.docs-url must be empty or an http(s) URL "
                + "without spaces, quotes or angle brackets, was {validatedValue}")
        String docsUrl) {

    public static final String PREFIX = "monitor.ui";
    static final String DEFAULT_DOCS_URL = "https://github.com/vault-pki/vault-pki/blob/main/docs/status-pages.md";

    /** Whether {@code /} serves the page. */
    public boolean on() {
        return enabled.strip().toLowerCase(Locale.ROOT).equals("true");
    }
}

package io.vaultpki.exporter.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Locale;

/**
 * {@code exporter.ui.*}: the status page at {@code /}. Checked once, when the bean is built at start-up. The switch
 * is read as text because the framework's boolean conversion takes any unknown word (a typo such as {@code flase})
 * silently as {@code false}; here only {@code true} and {@code false} are accepted, anything else stops start-up.
 *
 * @param enabled {@code true} (default): serve the page ({@code EXPORTER_UI_ENABLED}); {@code false}: {@code /}
 *                answers 404
 */
@Context
@ConfigurationProperties(UiSettings.PREFIX)
public record UiSettings(@Bindable(defaultValue = "true") String enabled) {

    public static final String PREFIX = "exporter.ui";

    public UiSettings {
        String value = enabled == null ? "" : enabled.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigurationException(PREFIX + ".enabled must be true or false, was '" + enabled + "'");
        }
        enabled = value;
    }

    /** Whether {@code /} serves the page. */
    public boolean serves() {
        return enabled.equals("true");
    }
}

package io.vaultpki.exporter.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code exporter.ui.*}: the status page at {@code /}. Checked once, when the bean is built at start-up (a value that
 * is not {@code true} or {@code false} stops start-up naming the setting).
 *
 * @param enabled serve the page ({@code EXPORTER_UI_ENABLED}); {@code false}: {@code /} answers 404
 */
@Context
@ConfigurationProperties(UiSettings.PREFIX)
public record UiSettings(@Bindable(defaultValue = "true") boolean enabled) {

    public static final String PREFIX = "exporter.ui";
}

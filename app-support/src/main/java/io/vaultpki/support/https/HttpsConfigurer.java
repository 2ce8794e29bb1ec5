package io.vaultpki.support.https;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.Objects;

/**
 * Turns HTTPS on before the server starts when the app's certificate setting ({@code MONITOR_TLS_CERT},
 * {@code EXPORTER_TLS_CERT}) is set. Each app registers a subclass naming its settings, annotated with
 * {@code @ContextConfigurer} so every context of the app (tests included) has it. A configurer rather than YAML
 * placeholders because the listeners and the client-authentication mode must be absent, not empty, without TLS; the
 * settings are therefore read from system properties and the environment, not from configuration files.
 */
public abstract class HttpsConfigurer implements ApplicationContextConfigurer {

    private final HttpsNames names;

    protected HttpsConfigurer(HttpsNames names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        // A property source of its own: ApplicationContext.run(Map) replaces the one named "context".
        HttpsSettings.from(names, HttpsSettings.systemLookup()).ifPresent(https ->
                builder.propertySources(PropertySource.of(names.app() + "-https", https.serverProperties())));
    }
}

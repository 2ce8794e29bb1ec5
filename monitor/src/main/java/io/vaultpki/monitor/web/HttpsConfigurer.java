package io.vaultpki.monitor.web;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

/**
 * Turns HTTPS on before the server starts when {@code MONITOR_TLS_CERT} is set. A configurer rather than YAML
 * placeholders because the listeners and the client-authentication mode must be absent, not empty, without TLS.
 */
@ContextConfigurer
public final class HttpsConfigurer implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        // A property source of its own: ApplicationContext.run(Map) replaces the one named "context".
        HttpsSettings.from(HttpsSettings.systemLookup()).ifPresent(https ->
                builder.propertySources(PropertySource.of("monitor-https", https.serverProperties())));
    }
}

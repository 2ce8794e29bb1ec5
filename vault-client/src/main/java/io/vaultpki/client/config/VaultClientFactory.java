package io.vaultpki.client.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.auth.HomeDirectory;
import io.vaultpki.client.auth.VaultAuthentication;
import io.vaultpki.client.core.VaultClient;
import io.vaultpki.client.event.VaultClientListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Creates the application's {@link VaultClient} at start-up ({@link Context} scope), so that a bad setting stops
 * the application before it serves anything, with one message naming the setting. Creating the client does not
 * contact Vault: the first login happens on the first request.
 */
@Factory
public class VaultClientFactory {

    private final Map<String, String> environment;
    private final Path home;

    public VaultClientFactory() {
        this(System.getenv(), HomeDirectory.of(System.getenv()));
    }

    VaultClientFactory(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    @Context
    public VaultSettings vaultSettings(VaultConfiguration configuration) {
        return VaultSettingsResolver.resolve(configuration, environment);
    }

    @Context
    public VaultAuthentication vaultAuthentication(VaultConfiguration configuration, VaultSettings settings) {
        return VaultAuthenticationResolver.resolve(configuration, settings, environment, home);
    }

    @Context
    @Bean(preDestroy = "close")
    public VaultClient vaultClient(VaultSettings settings, VaultAuthentication authentication,
                                   List<VaultClientListener> listeners) {
        // every VaultClientListener bean of the application (e.g. login metrics) hears the session's events
        List<VaultClientListener> all = List.copyOf(listeners);
        return VaultClient.builder().settings(settings).authentication(authentication)
                .listener(event -> all.forEach(listener -> listener.onEvent(event))).build();
    }
}

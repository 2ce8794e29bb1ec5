package io.vaultpki.exporter;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import io.vaultpki.exporter.access.ApiConfigurationException;
import io.vaultpki.support.startup.StartupFailures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Application contexts of the exporter for settings tests: only the given properties and property sources on top of
 * {@code application.yml} (not {@code application-test.yml}, whose {@code exporter.path} would hide the defaults and
 * the aliases), a Vault that is never contacted, a random port. Nothing here starts the HTTP server, so nothing
 * touches the export root.
 */
public final class ExporterContexts {

    private ExporterContexts() {
    }

    /** A token for a Vault at an address nothing listens on: enough to build the client, never sent. */
    public static Map<String, Object> neverContactedVault() {
        Map<String, Object> p = new HashMap<>();
        p.put("vault.address", "http://127.0.0.1:1");
        p.put("vault.token", "hvs.settings-test-token-never-sent");
        p.put("vault.auth.method", "token");
        p.put("micronaut.server.port", -1);
        return p;
    }

    /** A running context with {@code properties} and {@code sources}; the caller closes it. */
    public static ApplicationContext start(Map<String, ?> properties, PropertySource... sources) {
        Map<String, Object> p = neverContactedVault();
        p.putAll(properties);
        ApplicationContextBuilder builder = ApplicationContext.builder().deduceEnvironment(false).properties(p);
        for (PropertySource source : sources) {
            builder.propertySources(source);
        }
        return builder.start();
    }

    /** The bean of {@code type} that {@code properties} bind. */
    public static <T> T bound(Class<T> type, Map<String, ?> properties, PropertySource... sources) {
        try (ApplicationContext context = start(properties, sources)) {
            return context.getBean(type);
        }
    }

    /**
     * The line the exporter prints when it cannot start with {@code properties}, as {@link Application} explains a
     * start-up failure ({@code vault-pki-exporter: configuration error: ...}); fails when it starts.
     */
    public static String startupLine(Map<String, ?> properties, PropertySource... sources) {
        try (ApplicationContext ignored = start(properties, sources)) {
            throw new AssertionError("the exporter started with " + properties);
        } catch (RuntimeException failure) {
            return line(failure);
        }
    }

    /** The line the exporter prints for a start-up failure. */
    public static String line(Throwable failure) {
        return new StartupFailures(List.of(ApiConfigurationException.class), Map.of()).explain(failure).line(Application.NAME);
    }
}

package io.vaultpki.support.config;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place an app maps the environment variables of the tools it replaces onto its settings. Each app lists
 * its aliases in a subclass registered as a Micronaut {@link ApplicationContextConfigurer} service, so every
 * application context (the app, a test's context) gets the same mapping.
 *
 * <p>The aliases form the property source with the lowest precedence ({@value #ORDER}, below {@code application.yml}
 * at -300): any explicit setting — a configuration file, a system property, the setting's own variable such as
 * {@code EXPORTER_PATH} — wins, and the alias only fills a setting nothing else sets. Defaults therefore belong in
 * the settings' {@code @Bindable(defaultValue)}, never in {@code application.yml}. A value in the wrong format stops
 * start-up with a message naming the variable.
 */
public abstract class EnvironmentAliases implements ApplicationContextConfigurer {

    /** Below every other property source Micronaut has. */
    public static final int ORDER = -400;

    private final List<EnvironmentAlias> aliases;

    protected EnvironmentAliases(List<EnvironmentAlias> aliases) {
        this.aliases = List.copyOf(aliases);
    }

    /** The aliases of this app, in the order of its documentation. */
    public List<EnvironmentAlias> aliases() {
        return aliases;
    }

    /** The variables this app reads besides its own settings, for a child process to scrub or a doc to list. */
    public Set<String> variables() {
        Set<String> out = new TreeSet<>();
        aliases.forEach(a -> out.add(a.variable()));
        return out;
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(propertySource(System.getenv()));
    }

    /**
     * The properties {@code environment} supplies through the aliases; an alias whose variable is unset or empty
     * supplies nothing. Two aliases of one property: the first listed that is set wins.
     *
     * @throws ConfigurationException naming the variable when a value cannot be converted
     */
    public PropertySource propertySource(Map<String, String> environment) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (EnvironmentAlias alias : aliases) {
            String raw = environment.get(alias.variable());
            if (raw == null || raw.isBlank() || values.containsKey(alias.property())) {
                continue;
            }
            try {
                values.put(alias.property(), alias.converter().apply(raw));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(alias.variable() + " (" + alias.property() + "): " + e.getMessage()
                        + ", was '" + shortened(raw) + "'");
            }
        }
        return new MapPropertySource("environment-aliases", values) {
            @Override
            public int getOrder() {
                return ORDER;
            }
        };
    }

    private static String shortened(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
    }

    @Override
    public int getOrder() {
        return 0;
    }
}

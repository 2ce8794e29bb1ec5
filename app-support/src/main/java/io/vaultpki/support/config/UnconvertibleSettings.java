package io.vaultpki.support.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stops start-up when a setting of a settings record is given a value that does not convert to its type, in both
 * apps, for every {@code @ConfigurationProperties} record.
 *
 * <p>Micronaut (4.10) binds a record through its constructor, and a component that has a {@code @Bindable} default
 * or is {@code @Nullable} silently gets that default (or {@code null}) when the given value does not convert:
 * {@code exporter.concurrency=four} would run with 4, a misspelt duration with the default; the setter-bound beans
 * of before stopped start-up instead. This listener fails in Micronaut's own words ({@code Error resolving property
 * value [...]. Unable to convert value [...] to target type [...]}), which the launcher turns into one line naming
 * the setting and the environment variable it came from. An empty value counts as unset. Strings, collections and
 * maps always bind and are not looked at, so a secret's value is never echoed; other values are shortened.
 */
@Singleton
public class UnconvertibleSettings implements BeanCreatedEventListener<Object> {
    // <Object>, not <Record>: Micronaut does not offer a record bean to a listener of Record

    private static final int MAX_VALUE = 40;

    @Override
    public Object onCreated(BeanCreatedEvent<Object> event) {
        Optional<String> boundTo = event.getBeanDefinition().stringValue(ConfigurationReader.class, "prefix");
        // @EachProperty records (prefix.*) are named at run time; their factories check them
        if (event.getBean() instanceof Record settings && boundTo.isPresent() && !boundTo.get().contains("*")
                && event.getSource() instanceof ApplicationContext context) {
            // from the event, not injected: a listener of every bean cannot depend on the environment bean
            check(context.getEnvironment(), settings, boundTo.get());
        }
        return event.getBean();
    }

    /**
     * Fails when a component of {@code settings}, bound under {@code boundTo}, was set to a value its type cannot hold.
     *
     * @throws ConfigurationException naming the setting, the value (shortened) and the type
     */
    public static void check(PropertyResolver properties, Record settings, String boundTo) {
        for (RecordComponent component : settings.getClass().getRecordComponents()) {
            Class<?> type = component.getType();
            if (CharSequence.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type) || type == Object.class || type.isRecord()) {
                continue;
            }
            String property = boundTo + "." + NameUtils.hyphenate(component.getName());
            String raw = properties.getProperty(property, String.class).orElse("");
            // an empty value (EXPORTER_AUDIT_PATH="") leaves the setting at its default, as an unset one
            if (!raw.isBlank() && properties.getProperty(property, type).isEmpty()) {
                String shown = raw.length() <= MAX_VALUE ? raw : raw.substring(0, MAX_VALUE) + "…";
                throw new ConfigurationException("Error resolving property value [" + property + "]. Unable to convert"
                        + " value [" + shown + "] to target type [" + type.getSimpleName() + "]");
            }
        }
    }
}

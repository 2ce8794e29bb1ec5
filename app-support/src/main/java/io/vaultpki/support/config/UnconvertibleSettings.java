package io.vaultpki.support.config;

import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.value.PropertyResolver;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stops start-up when a setting of a settings record is given a value that does not convert to its type.
 *
 * <p>Micronaut binds an {@code @ConfigurationProperties} record through its constructor, and a component that has a
 * {@code @Bindable(defaultValue)} or is {@code @Nullable} silently gets that default (or {@code null}) when the value
 * given does not convert: {@code exporter.concurrency=four} would run with 4, a misspelt duration with the default.
 * This listener looks at every record bound under its prefix once it is built, and fails when a set value of a
 * component's type (a number, a duration, a boolean, an enum, ...) does not convert, in Micronaut's own words, so the
 * launcher prints {@code exporter.concurrency: not a valid int: 'four'} and names the environment variable it came
 * from. An empty value counts as unset. Strings, collections and maps always bind and are not looked at, so a
 * secret's value is never echoed.
 *
 * <p>An app registers one subclass as a bean, naming the prefix of its settings.
 */
public abstract class UnconvertibleSettings implements BeanCreatedEventListener<Record> {

    private static final int MAX_VALUE = 40;

    private final PropertyResolver properties;
    private final String prefix;

    protected UnconvertibleSettings(PropertyResolver properties, String prefix) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public Record onCreated(BeanCreatedEvent<Record> event) {
        Optional<String> boundTo = event.getBeanDefinition().stringValue(ConfigurationReader.class, "prefix");
        // @EachProperty records (prefix.*) are named at run time; their factories check them
        if (boundTo.isPresent() && !boundTo.get().contains("*")
                && (boundTo.get().equals(prefix) || boundTo.get().startsWith(prefix + "."))) {
            check(event.getBean(), boundTo.get());
        }
        return event.getBean();
    }

    /**
     * Fails when a component of {@code settings}, bound under {@code boundTo}, was set to a value its type cannot hold.
     *
     * @throws ConfigurationException naming the setting, the value (shortened) and the type
     */
    public void check(Record settings, String boundTo) {
        for (RecordComponent component : settings.getClass().getRecordComponents()) {
            Class<?> type = component.getType();
            if (CharSequence.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type) || type == Object.class) {
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

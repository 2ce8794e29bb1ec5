package io.vaultpki.support.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;

/**
 * Refuses a settings record whose configured value Micronaut could not convert. A record's components are bound
 * through its constructor, and there Micronaut (4.10) quietly falls back to the {@code @Bindable} default when a
 * value does not convert ({@code monitor.refresh.concurrency=many} would run with 4); a setter-bound bean stopped
 * start-up instead. This restores that: any {@code @ConfigurationProperties} record whose component's property is
 * set but does not convert fails with Micronaut's own wording ({@code Error resolving property value [...]. Unable to
 * convert value [...] to target type [...]}), which the launcher turns into one line naming the setting.
 */
@Singleton
public class UnconvertibleSettings implements BeanCreatedEventListener<Object> {
    // <Object>, not <Record>: Micronaut does not offer a record bean to a listener of Record

    @Override
    public Object onCreated(BeanCreatedEvent<Object> event) {
        BeanDefinition<Object> definition = event.getBeanDefinition();
        if (event.getBean() instanceof Record && definition.hasStereotype(ConfigurationReader.class)
                && event.getSource() instanceof ApplicationContext context) {
            // from the event, not injected: a listener of every bean cannot depend on the environment bean
            Environment environment = context.getEnvironment();
            for (Argument<?> argument : definition.getConstructor().getArguments()) {
                argument.getAnnotationMetadata().stringValue(Property.class, "name")
                        .ifPresent(name -> check(environment, name, argument));
            }
        }
        return event.getBean();
    }

    private static void check(Environment environment, String property, Argument<?> argument) {
        if (!environment.containsProperty(property)
                || environment.getProperty(property, ConversionContext.of(argument)).isPresent()) {
            return;
        }
        // set, yet no value of the component's type: the conversion failed (the context does not keep its error)
        environment.getProperty(property, String.class).ifPresent(raw -> {
            throw new ConfigurationException("Error resolving property value [" + property + "]. Unable to convert"
                    + " value [" + raw + "] to target type [" + argument.getTypeString(true) + "]");
        });
    }
}

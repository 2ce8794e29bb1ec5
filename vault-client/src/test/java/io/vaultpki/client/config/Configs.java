package io.vaultpki.client.config;

import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.client.GoDurations;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link VaultConfiguration} in tests from settings spelled as in {@code application.yml} without the
 * {@code vault.} prefix ({@code "tls.skip-verify", false}); unset settings take their {@code @Bindable} default, as
 * Micronaut's binding does, or null.
 */
final class Configs {

    private Configs() {
    }

    static VaultConfiguration config(Object... settings) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            values.put((String) settings[i], settings[i + 1]);
        }
        VaultConfiguration config = bind(VaultConfiguration.class, "", values);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("no such settings: " + values.keySet());
        }
        return config;
    }

    private static <R extends Record> R bind(Class<R> type, String prefix, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            Parameter[] parameters = canonical.getParameters();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = prefix + kebab(components[i].getName());
                Class<?> t = types[i];
                if (t.isRecord()) {
                    args[i] = bind(t.asSubclass(Record.class), name + ".", values);
                } else if (values.containsKey(name)) {
                    args[i] = values.remove(name);
                } else {
                    Bindable bindable = parameters[i].getAnnotation(Bindable.class);
                    args[i] = bindable == null ? null : convert(bindable.defaultValue(), t);
                }
            }
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(String value, Class<?> type) {
        if (type == Duration.class) {
            return GoDurations.parse(value).orElseThrow();
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

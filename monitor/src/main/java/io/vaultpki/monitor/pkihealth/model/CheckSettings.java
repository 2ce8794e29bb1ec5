package io.vaultpki.monitor.pkihealth.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One check's effective configuration: whether it runs and its parameters' typed values (every parameter of the
 * check is present; the configuration fills the defaults in).
 *
 * @param enabled whether the check runs
 * @param values  parameter name to {@link Duration}, {@link Long} or {@code List<String>}
 */
public record CheckSettings(boolean enabled, Map<String, Object> values) {

    public CheckSettings {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** The defaults of {@code params}, enabled or not. */
    public static CheckSettings defaults(boolean enabled, List<Param> params) {
        return new CheckSettings(enabled, params.stream().collect(
                java.util.stream.Collectors.toMap(Param::name, Param::defaultValue)));
    }

    public Duration duration(String name) {
        return (Duration) value(name);
    }

    public long integer(String name) {
        return (Long) value(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) value(name);
    }

    private Object value(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return value;
    }
}

package io.vaultpki.support.config;

import io.vaultpki.client.GoDurations;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An environment variable of an older tool that stands for one of our settings, e.g. {@code CERT_EXPORT_PATH} for
 * {@code exporter.path}, with the conversion from the old tool's value format to a value Micronaut binds.
 *
 * @param variable  the environment variable
 * @param property  the setting it supplies when nothing else sets it
 * @param converter the old format to the setting's text; throws {@link IllegalArgumentException} with the reason
 */
public record EnvironmentAlias(String variable, String property, UnaryOperator<String> converter) {

    public EnvironmentAlias {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(converter, "converter");
    }

    /** The value as it is (trimmed). */
    public static EnvironmentAlias of(String variable, String property) {
        return new EnvironmentAlias(variable, property, String::strip);
    }

    /** A Go duration ({@code 90s}, {@code 1h30m}), as the Nomad jobs and the Vault CLI write them. */
    public static EnvironmentAlias goDuration(String variable, String property) {
        return new EnvironmentAlias(variable, property, value -> GoDurations.parse(value.strip())
                .filter(d -> !d.isNegative() && !d.isZero())
                .map(Duration::toString)
                .orElseThrow(() -> new IllegalArgumentException("not a duration such as 90s, 5m or 1h30m")));
    }

    /** A whole number of seconds, as the Python exporter's {@code METRIC_UPDATE_INTERVAL=3600}. */
    public static EnvironmentAlias seconds(String variable, String property) {
        return new EnvironmentAlias(variable, property, value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds).toString();
                }
            } catch (NumberFormatException e) {
                // said below, with the variable's name
            }
            throw new IllegalArgumentException("not a positive whole number of seconds such as 3600");
        });
    }
}

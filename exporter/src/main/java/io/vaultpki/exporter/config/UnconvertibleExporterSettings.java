package io.vaultpki.exporter.config;

import io.micronaut.context.env.Environment;
import io.vaultpki.support.config.UnconvertibleSettings;
import jakarta.inject.Singleton;

/**
 * Refuses an {@code exporter.*} value that does not convert to its setting's type ({@code exporter.concurrency=four})
 * instead of starting with the default, for every settings record under {@code exporter}.
 */
@Singleton
public class UnconvertibleExporterSettings extends UnconvertibleSettings {

    public UnconvertibleExporterSettings(Environment environment) {
        super(environment, "exporter");
    }
}

package io.vaultpki.exporter;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Lets tests in other packages start the exporter the way {@code --demo} does (the demo's API is package-private). */
public final class ExporterDemoAccess {

    private ExporterDemoAccess() {
    }

    /** The settings {@code --demo} starts the exporter with; the demo Vault and directory go to {@code closeAtEnd}. */
    public static Map<String, Object> properties(Consumer<AutoCloseable> closeAtEnd) {
        return ExporterDemo.propertiesIfRequested(new String[] {"--demo"}, closeAtEnd);
    }

    /** The demo's API token file, from its settings. */
    public static Path tokenFile(Map<String, Object> properties) {
        return Path.of(properties.get("exporter.api.tokens[0].token-file").toString());
    }
}

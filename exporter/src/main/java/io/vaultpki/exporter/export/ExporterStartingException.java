package io.vaultpki.exporter.export;

/**
 * The exporter has bound its port but has not yet recovered its export directory and loaded its exports, so it
 * cannot answer for them (503 with {@code Retry-After}); readiness is DOWN meanwhile.
 */
public class ExporterStartingException extends RuntimeException {

    public ExporterStartingException() {
        super("the exporter is starting: it is recovering its export directory; try again in a moment");
    }
}

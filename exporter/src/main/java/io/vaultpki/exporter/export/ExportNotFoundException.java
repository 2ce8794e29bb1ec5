package io.vaultpki.exporter.export;

/** No export by that name (404). */
public class ExportNotFoundException extends RuntimeException {

    public ExportNotFoundException(String name) {
        super("no export named '" + name + "'");
    }
}

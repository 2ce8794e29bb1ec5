package io.vaultpki.exporter.export;

/** The request conflicts with the export's state (409): name taken, defined in configuration, renewal running. */
public class ExportConflictException extends RuntimeException {

    public ExportConflictException(String message) {
        super(message);
    }
}

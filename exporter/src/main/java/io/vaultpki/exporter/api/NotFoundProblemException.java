package io.vaultpki.exporter.api;

/** Something the client named does not exist (404): a file not enabled, an issuer no mount has. */
final class NotFoundProblemException extends RuntimeException {

    NotFoundProblemException(String message) {
        super(message);
    }
}

package io.vaultpki.exporter.api;

/** A body without {@code Content-Length} turned out larger than {@code exporter.api.max-body-size} (413). */
final class BodyTooLargeException extends RuntimeException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}

package io.vaultpki.support.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Tells a request whose head Netty refused to decode (a URL or headers over the server's limits) from one whose
 * body is too large. Micronaut answers all of them with 413 "Request Entity Too Large", which misleads a client that
 * sent no body at all; the right answers are 414 URI Too Long (RFC 9110 §15.5.15) and 431 Request Header Fields Too
 * Large (RFC 6585 §5). The refused request reaches the error handling with a placeholder path, so only the decoder's
 * verdict can tell.
 */
@Singleton
public class OversizedRequestHead {

    /**
     * What was too large and how to say it.
     *
     * @param status 414 or 431
     * @param detail a message for the client that names the limit and never echoes the request
     */
    public record Verdict(HttpStatus status, String detail) {
    }

    private final int maxLine;
    private final int maxHeaders;

    public OversizedRequestHead(NettyHttpServerConfiguration configuration) {
        this(configuration.getMaxInitialLineLength(), configuration.getMaxHeaderSize());
    }

    public OversizedRequestHead(int maxLine, int maxHeaders) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    /** The verdict when Netty refused {@code request}'s URL or headers as too long; empty for any other request. */
    public Optional<Verdict> of(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return Optional.empty();
        }
        DecoderResult decoded = netty.getNativeRequest().decoderResult();
        if (decoded == null || !decoded.isFailure()) {
            return Optional.empty();
        }
        if (decoded.cause() instanceof TooLongHttpLineException) {
            return Optional.of(new Verdict(HttpStatus.REQUEST_URI_TOO_LONG, "the request URL is too long: the request "
                    + "line (method, URL and version) may have at most " + maxLine + " bytes"));
        }
        if (decoded.cause() instanceof TooLongHttpHeaderException) {
            return Optional.of(new Verdict(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "the request headers are too large: they may have at most " + maxHeaders + " bytes"));
        }
        return Optional.empty();
    }
}

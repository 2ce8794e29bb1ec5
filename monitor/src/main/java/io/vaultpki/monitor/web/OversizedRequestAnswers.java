package io.vaultpki.monitor.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.vaultpki.support.web.OversizedRequestHead;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;

/**
 * Makes the framework's error answer truthful for an over-long URL or oversized headers: 414 or 431 with a message
 * naming the limit and a request ID (header {@code X-Request-Id}, also in the message and the log), instead of
 * 413 "Request Entity Too Large" for a request that had no body. Every other error is left to the framework's own
 * processor, which this wraps.
 */
@Singleton
@SuppressWarnings({"rawtypes", "unchecked"})
public class OversizedRequestAnswers implements BeanCreatedEventListener<ErrorResponseProcessor> {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(OversizedRequestAnswers.class);

    private final OversizedRequestHead oversized;

    public OversizedRequestAnswers(OversizedRequestHead oversized) {
        this.oversized = oversized;
    }

    @Override
    public ErrorResponseProcessor onCreated(BeanCreatedEvent<ErrorResponseProcessor> event) {
        ErrorResponseProcessor delegate = event.getBean();
        return new ErrorResponseProcessor() {
            @Override
            public MutableHttpResponse processResponse(ErrorContext context, MutableHttpResponse response) {
                Optional<OversizedRequestHead.Verdict> head = oversized.of(context.getRequest());
                if (head.isEmpty()) {
                    return delegate.processResponse(context, response);
                }
                String id = UUID.randomUUID().toString();
                String message = head.get().detail() + " (request ID " + id + ")";
                LOG.info("Request {} refused with {}: {}", id, head.get().status().getCode(), head.get().detail());
                response.status(head.get().status()).header(REQUEST_ID_HEADER, id);
                return delegate.processResponse(ErrorContext.builder(context.getRequest()).errorMessage(message).build(),
                        response);
            }
        };
    }
}

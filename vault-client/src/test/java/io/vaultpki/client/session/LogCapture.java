package io.vaultpki.client.session;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Captures everything logged under {@code io.vaultpki} so tests can check what the client writes. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.vaultpki");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    public LogCapture() {
        previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    /** Formatted messages, with the stack-trace messages of attached exceptions. */
    public synchronized List<String> lines() {
        return List.copyOf(appender.list).stream().map(e -> {
            String line = e.getFormattedMessage();
            var t = e.getThrowableProxy();
            while (t != null) {
                line += " | " + t.getMessage();
                t = t.getCause();
            }
            return line;
        }).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}

package io.vaultpki.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the application logs (root logger, the application and the Vault client at DEBUG) while a fault class
 * runs, except the emulator's own lines, which are the test fixture and not the product.
 */
public final class CapturedLog implements AutoCloseable {

    /** A Vault service or batch token as the emulator (and Vault) mint them. */
    public static final Pattern TOKEN = Pattern.compile("hv[sb]\\.[A-Za-z0-9]{20,}");

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger product = (Logger) LoggerFactory.getLogger("io.vaultpki");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    public CapturedLog() {
        previous = product.getLevel();
        product.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    /** Formatted messages with the messages of attached exceptions and their causes. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().filter(e -> !e.getLoggerName().startsWith("io.vaultpki.emulator")).map(e -> {
            StringBuilder line = new StringBuilder(e.getLoggerName()).append(": ").append(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            return line.toString();
        }).toList();
    }

    /** No line holds a token, nor any of {@code secrets} (secret IDs, the tokens the test revoked...). */
    public void assertNoSecret(List<String> secrets) {
        List<String> lines = lines();
        assertThat(lines).as("captured log lines").isNotEmpty();
        for (String line : lines) {
            assertThat(TOKEN.matcher(line).find()).as("a token in: %s", line).isFalse();
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        product.setLevel(previous);
    }
}

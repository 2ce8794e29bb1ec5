package io.vaultpki.testkit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * An application's shipped {@code logback.xml} loaded into a private logger context, with {@code LOG_FORMAT} set
 * as the context would see it from the environment, so both apps' tests check exactly what ships. Never touches
 * the test JVM's own logging.
 */
public final class LogbackOutput {

    private LogbackOutput() {
    }

    /** A context configured from {@code config} with {@code LOG_FORMAT=logFormat} ({@code null}: unset). */
    public static LoggerContext configured(URL config, String logFormat) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (logFormat != null) {
            context.putProperty("LOG_FORMAT", logFormat);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        return context;
    }

    /** The non-blank lines the configuration writes on stdout while {@code logging} logs to {@code loggerName}. */
    public static List<String> lines(URL config, String logFormat, String loggerName, Consumer<Logger> logging)
            throws JoranException {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = null;
        try {
            // the console appender writes to whatever System.out is at the time of each event
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context = configured(config, logFormat);
            logging.accept(context.getLogger(loggerName));
        } finally {
            if (context != null) {
                context.stop();
            }
            System.setOut(originalOut);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
}

package io.vaultpki.monitor.web;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped logback.xml, loaded into a private logger context with LOG_FORMAT set as the context sees it. */
class LogFormatTest {

    @Test
    void jsonFormatWritesOneParsableObjectPerLine() throws Exception {
        List<String> lines = logWith("json", logger -> {
            logger.info("refreshed {} engines", 3);
            logger.warn("Vault unreachable", new IllegalStateException("connection refused"));
        });

        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode info = json.readTree(lines.get(0));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo("io.vaultpki.monitor.test");
        assertThat(info.get("formattedMessage").asText()).isEqualTo("refreshed 3 engines");
        assertThat(info.get("timestamp").asLong()).isPositive();
        JsonNode warn = json.readTree(lines.get(1));
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.get("throwable").get("message").asText()).isEqualTo("connection refused");
    }

    @Test
    void plainTextIsTheDefault() throws Exception {
        List<String> lines = logWith(null, logger -> logger.info("refreshed {} engines", 3));

        assertThat(lines).singleElement().asString()
                .matches("\\d{4}-\\d{2}-\\d{2}T\\S+ INFO  \\[.+] io\\.vaultpki\\.monitor\\.test - refreshed 3 engines");
    }

    @Test
    void configuresBothFormatsWithoutWarningsSoLogbackPrintsNoStatusOnStdout() throws Exception {
        for (String format : new String[] {"json", "plain"}) {
            LoggerContext context = configured(format);
            assertThat(new StatusUtil(context).getHighestLevel(0)).as(format).isEqualTo(Status.INFO);
            context.stop();
        }
    }

    @Test
    void anUnknownFormatIsReportedSoLogbackPrintsItsStatus() throws Exception {
        LoggerContext context = configured("xml");

        assertThat(new StatusUtil(context).getHighestLevel(0)).isGreaterThanOrEqualTo(Status.WARN);
        context.stop();
    }

    private interface Logging {
        void log(Logger logger);
    }

    private static List<String> logWith(String logFormat, Logging logging) throws Exception {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = null;
        try {
            // The console appender writes to whatever System.out is at the time of each event.
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context = configured(logFormat);
            logging.log(context.getLogger("io.vaultpki.monitor.test"));
        } finally {
            if (context != null) {
                context.stop();
            }
            System.setOut(originalOut);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    private static LoggerContext configured(String logFormat) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (logFormat != null) {
            context.putProperty("LOG_FORMAT", logFormat);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
        return context;
    }
}

package io.vaultpki.monitor.web;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.testkit.LogbackOutput;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.net.URL;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped logback.xml, loaded into a private logger context with LOG_FORMAT set as the context sees it. */
class LogFormatTest {

    private static final URL CONFIG = LogFormatTest.class.getResource("/logback.xml");

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

    private static List<String> logWith(String logFormat, Consumer<Logger> logging) throws Exception {
        return LogbackOutput.lines(CONFIG, logFormat, "io.vaultpki.monitor.test", logging);
    }

    private static LoggerContext configured(String logFormat) throws Exception {
        return LogbackOutput.configured(CONFIG, logFormat);
    }
}

package io.vaultpki.exporter;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.testkit.LogbackOutput;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exporter's shipped logback.xml honours {@code LOG_FORMAT} like the monitor's (the formats themselves are
 * shared through vault-pki-app-support): loaded into a private logger context with LOG_FORMAT set as logback sees
 * it from the environment.
 */
class LogFormatTest {

    private static final URL CONFIG = LogFormatTest.class.getResource("/logback.xml");
    private static final String LOGGER = "io.vaultpki.exporter.test";

    @Test
    void logFormatJsonWritesOneParsableObjectPerLine() throws Exception {
        List<String> lines = LogbackOutput.lines(CONFIG, "json", LOGGER, logger -> {
            logger.info("Export '{}': switched to serial {}", "web", "3c:9f");
            logger.warn("Export failed", new IllegalStateException("Vault is sealed"));
        });

        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode info = json.readTree(lines.get(0));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo(LOGGER);
        assertThat(info.get("formattedMessage").asText()).isEqualTo("Export 'web': switched to serial 3c:9f");
        assertThat(info.get("timestamp").asLong()).isPositive();
        JsonNode warn = json.readTree(lines.get(1));
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.get("throwable").get("message").asText()).isEqualTo("Vault is sealed");
    }

    @Test
    void plainTextIsTheDefault() throws Exception {
        List<String> lines = LogbackOutput.lines(CONFIG, null, LOGGER, logger -> logger.info("managing {} export(s)", 2));

        assertThat(lines).singleElement().asString()
                .matches("\\d{4}-\\d{2}-\\d{2}T\\S+ INFO  \\[.+] io\\.vaultpki\\.exporter\\.test - managing 2 export\\(s\\)");
    }

    @Test
    void bothFormatsConfigureWithoutWarningsSoLogbackPrintsNoStatusOnStdout() throws Exception {
        for (String format : new String[] {"json", "plain"}) {
            LoggerContext context = LogbackOutput.configured(CONFIG, format);
            assertThat(new StatusUtil(context).getHighestLevel(0)).as(format).isEqualTo(Status.INFO);
            context.stop();
        }
    }
}

package io.vaultpki.monitor.pkihealth.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a file in the Vault CLI's {@code -health-config} format
 * (https://developer.hashicorp.com/vault/docs/commands/pki/health-check): one JSON object, each key a check's
 * name, each value an object of {@code enabled} and the check's parameters. Only the shape is checked here; the
 * names and values are {@link CheckSettingsResolver}'s. Every error is a {@link ConfigurationException} that starts
 * with the setting and the file.
 */
public final class CliConfigFile {

    /** Far more than any real configuration (the CLI's defaults are under 1 KiB); a bigger file is a mistake. */
    static final long MAX_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CliConfigFile() {
    }

    /** The file's checks, in file order: check name to its keys and JSON values (numbers, strings, lists, ...). */
    public static Map<String, Map<String, Object>> read(Path file) {
        String where = HealthChecksConfiguration.CONFIG_FILE + " (" + file + ")";
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigurationException(where + ": the file is larger than 1 MiB");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigurationException(where + ": cannot read the file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        return parse(text, where);
    }

    /** {@code text} as a configuration; {@code where} starts every error message. */
    static Map<String, Map<String, Object>> parse(String text, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ConfigurationException(where + ": not valid JSON: " + e.getOriginalMessage() + at);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException(where + ": must be a JSON object of checks, e.g. {\"ca_validity_period\":"
                    + " {\"enabled\": true}}");
        }
        Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> check = it.next();
            if (!check.getValue().isObject()) {
                throw new ConfigurationException(where + ": " + CheckSettingsResolver.quoted(check.getKey())
                        + " must be an object of settings, e.g. {\"enabled\": false}");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            check.getValue().fields().forEachRemaining(e -> values.put(e.getKey(), JSON.convertValue(e.getValue(),
                    Object.class)));
            checks.put(check.getKey(), values);
        }
        return checks;
    }
}

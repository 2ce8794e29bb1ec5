package io.vaultpki.monitor.pkihealth.config;

import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.monitor.pkihealth.checks.HealthCheck;
import io.vaultpki.monitor.pkihealth.checks.HealthChecks;
import io.vaultpki.monitor.pkihealth.model.CheckSettings;
import io.vaultpki.monitor.pkihealth.model.Param;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Merges each check's settings, later sources winning key by key: the check's defaults, then the CLI-format file
 * ({@code monitor.health-checks.config-file}), then the properties {@code monitor.health-checks.checks.<check>.<key>}.
 * An unknown check, an unknown key or a value of the wrong type stops start-up with a
 * {@link ConfigurationException} naming where it was (the file or the property), the check and the key. The CLI
 * refuses unknown keys too (https://github.com/hashicorp/vault/blob/main/command/healthcheck/healthcheck.go,
 * {@code BuildConfig}), but takes an unknown check silently; we refuse it, as it is most likely a typo.
 */
public final class CheckSettingsResolver {

    static final String ENABLED = "enabled";

    private CheckSettingsResolver() {
    }

    /**
     * @param file       the file's checks (empty when there is none), see {@link CliConfigFile}
     * @param fileName   the file, for messages
     * @param properties {@code monitor.health-checks.checks} as bound: nested maps or dotted keys
     */
    public static Map<String, CheckSettings> resolve(Map<String, Map<String, Object>> file, String fileName,
                                                     Map<String, Object> properties) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        String fileWhere = HealthChecksConfiguration.CONFIG_FILE + " (" + fileName + "): ";
        file.forEach((check, values) -> {
            known(check, fileWhere);
            values.forEach((key, value) -> put(merged, check, key, value, fileWhere + check + "." + key, fileWhere,
                    true));
        });
        flatten("", properties, new LinkedHashMap<>()).forEach((dotted, value) -> {
            // Micronaut writes '_' in property keys as '-', and an environment variable
            // (MONITOR_HEALTH_CHECKS_CHECKS_TIDY_LAST_RUN_ENABLED) arrives split at every '_' in every way: match
            // the spelling-free form against the known check names, which never contain a dot
            String flat = normal(dotted).replace('.', '_');
            String check = HealthChecks.names().stream().filter(n -> flat.startsWith(n + "_"))
                    .max(java.util.Comparator.comparingInt(String::length)).orElseThrow(() -> new ConfigurationException(
                            HealthChecksConfiguration.CHECKS + "." + dotted + ": unknown health check; expected "
                                    + HealthChecksConfiguration.CHECKS + ".<check>.<enabled or parameter>, <check>"
                                    + " one of " + String.join(", ", HealthChecks.names())));
            String key = flat.substring(check.length() + 1);
            String setting = HealthChecksConfiguration.CHECKS + "." + check + "." + key;
            put(merged, check, key, value, setting, setting + ": ", false);
        });
        Map<String, CheckSettings> settings = new LinkedHashMap<>();
        for (HealthCheck check : HealthChecks.all()) {
            Map<String, Object> given = merged.getOrDefault(check.name(), Map.of());
            Map<String, Object> values = new HashMap<>();
            for (Param param : check.params()) {
                values.put(param.name(), given.containsKey(param.name()) ? given.get(param.name())
                        : param.defaultValue());
            }
            boolean enabled = (Boolean) given.getOrDefault(ENABLED, check.enabledByDefault());
            settings.put(check.name(), new CheckSettings(enabled, values));
        }
        return settings;
    }

    private static HealthCheck known(String check, String prefix) {
        return HealthChecks.named(check).orElseThrow(() -> new ConfigurationException(prefix
                + "unknown health check " + quoted(check) + "; known: " + String.join(", ", HealthChecks.names())));
    }

    /**
     * Checks {@code check} and {@code key}, parses {@code raw}, and records it. {@code setting} names the value and
     * {@code prefix} its source in messages; {@code json} values must have their JSON type (a list is an array),
     * while a property's list may be a comma-separated string.
     */
    private static void put(Map<String, Map<String, Object>> merged, String check, String key, Object raw,
                            String setting, String prefix, boolean json) {
        HealthCheck known = known(check, prefix);
        Object value;
        if (ENABLED.equals(key)) {
            value = parseBoolean(raw).orElseThrow(() -> new ConfigurationException(setting
                    + " must be true or false, was " + Param.shown(raw)));
        } else {
            Param param = known.params().stream().filter(p -> p.name().equals(key)).findFirst()
                    .orElseThrow(() -> new ConfigurationException(prefix + "unknown parameter " + quoted(key)
                            + " of " + check + "; known: " + String.join(", ", keys(known))));
            if (json && param.kind() == Param.Kind.STRING_LIST && !(raw instanceof List<?>)) {
                throw new ConfigurationException(setting + " must be a list of strings, was " + Param.shown(raw));
            }
            try {
                value = param.parse(raw);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(setting + " " + e.getMessage());
            }
        }
        merged.computeIfAbsent(check, c -> new LinkedHashMap<>()).put(key, value);
    }

    /** Go's {@code strconv.ParseBool}, which the CLI uses: a JSON boolean, or 1/t/T/TRUE/true/True and their opposites. */
    static Optional<Boolean> parseBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return Optional.of(b);
        }
        if (raw instanceof String s) {
            return switch (s.strip()) {
                case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
                case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static List<String> keys(HealthCheck check) {
        List<String> keys = new java.util.ArrayList<>(List.of(ENABLED));
        check.params().forEach(p -> keys.add(p.name()));
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String dotted = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(dotted, (Map<String, Object>) nested, into);
            } else {
                into.put(dotted, value);
            }
        });
        return into;
    }

    private static String normal(String name) {
        return name.strip().replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** A name from the input as it appears in a message: quoted, control characters replaced, at most 60 characters. */
    static String quoted(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return "\"" + (clean.length() <= 60 ? clean : clean.substring(0, 60) + "…") + "\"";
    }
}

package io.vaultpki.exporter.config;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import io.vaultpki.exporter.hook.Hooks;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.SpecCodec;
import io.vaultpki.exporter.spec.SpecFormatException;
import io.vaultpki.exporter.spec.SpecValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The declarative exports of {@code exporter.exports.<name>.*} (like Vault Agent templates). Every block is parsed
 * and validated at start-up; any problem stops the exporter with a message naming the setting, so a typo never
 * becomes a silently missing certificate.
 */
public final class ConfiguredExports {

    static final String PREFIX = "exporter.exports";
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("^(.+)\\[(\\d{1,4})]$");

    private ConfiguredExports() {
    }

    /**
     * @param hooks the configured hooks; an export naming any other hook is a start-up error
     */
    public static List<ExportSpec> read(PropertyResolver properties, String defaultMount, Hooks hooks) {
        Map<String, Object> blocks = properties.getProperty(PREFIX, Argument.mapOf(String.class, Object.class))
                .orElse(Map.of());
        List<ExportSpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> block : new TreeMap<>(blocks).entrySet()) {
            String name = block.getKey();
            if (!SpecValidator.isValidName(name)) {
                problems.add(PREFIX + "." + name + ": the export name must match ^[a-z0-9][a-z0-9._-]{0,62}$");
                continue;
            }
            if (!(block.getValue() instanceof Map<?, ?> fields)) {
                problems.add(PREFIX + "." + name + ": must be a block of settings (source, mount, role, ...)");
                continue;
            }
            try {
                ExportSpec spec = SpecCodec.fromMap(name, nestLists(fields), defaultMount);
                List<FieldError> errors = new ArrayList<>(SpecValidator.validate(spec));
                if (spec.hook() != null && errors.stream().noneMatch(e -> e.field().equals("hook"))
                        && !hooks.contains(spec.hook())) {
                    errors.add(new FieldError("hook", "names '" + spec.hook() + "', but no hook of that name is"
                            + " configured (exporter.hooks." + spec.hook() + ".command); configured: " + hooks.names()));
                }
                errors.forEach(e -> problems.add(setting(name, e)));
                if (errors.isEmpty()) {
                    specs.add(spec);
                }
            } catch (SpecFormatException e) {
                e.errors().forEach(err -> problems.add(setting(name, err)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("invalid export configuration: " + String.join("; ", problems));
        }
        return specs;
    }

    /**
     * Micronaut hands YAML lists inside a map over as indexed keys ({@code alt-names[0]}, {@code alt-names[1]}); put
     * them back into lists, at every level, so the codec sees the shape the file had.
     */
    static Map<String, Object> nestLists(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        Map<String, TreeMap<Integer, Object>> indexed = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue() instanceof Map<?, ?> nested ? nestLists(nested) : e.getValue();
            java.util.regex.Matcher m = INDEXED.matcher(key);
            if (m.matches()) {
                indexed.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), value);
            } else {
                out.put(key, value);
            }
        }
        indexed.forEach((key, items) -> out.putIfAbsent(key, new ArrayList<>(items.values())));
        return out;
    }

    private static String setting(String name, FieldError error) {
        return PREFIX + "." + name + "." + error.field().replace('_', '-') + " " + error.message();
    }
}

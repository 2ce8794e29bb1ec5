package io.vaultpki.exporter.hook;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Builds {@link Hooks} from the {@code exporter.hooks.<name>} beans at start-up ({@link Context} scope), so a bad hook
 * stops the exporter before it serves or writes anything, with one message naming every bad setting.
 *
 * <p>Micronaut binds each block to a {@link HookConfiguration} and silently ignores keys it does not know; a typo
 * ({@code timout}) would then quietly keep the 30 s default. The raw blocks are therefore checked for unknown keys
 * first, like {@code exporter.exports}.
 */
@Factory
public class HooksFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HooksFactory.class);
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("^(.+)\\[\\d{1,4}]$");
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("parameter \\[(\\w+)]");

    @Context
    public Hooks hooks(Environment environment, BeanContext beans) {
        Map<String, Object> blocks = environment.getProperty(HookConfiguration.PREFIX,
                Argument.mapOf(String.class, Object.class)).orElse(Map.of());
        List<String> problems = new ArrayList<>();
        List<HookConfiguration> hooks = new ArrayList<>();
        for (String name : new TreeSet<>(blocks.keySet())) {
            String at = HookConfiguration.PREFIX + "." + name;
            if (!(blocks.get(name) instanceof Map<?, ?> block)) {
                // not a hook: environment variables (EXPORTER_HOOKS_RELOAD_COMMAND) are also offered to Micronaut as
                // every other split of their words (exporter.hooks.reload-command), which are plain values
                continue;
            }
            List<String> unknown = unknownKeys(block);
            if (!unknown.isEmpty()) {
                unknown.forEach(key -> problems.add(at + "." + key + " is not a hook setting (command, timeout,"
                        + " environment); hook names cannot contain '.'"));
                continue;
            }
            if (!block.containsKey("command") && block.keySet().stream().noneMatch(k -> String.valueOf(k).startsWith("command["))) {
                problems.add(at + ".command must be set: an argv list such as [nginx, -s, reload]");
                continue;
            }
            Object command = block.get("command");
            if (command instanceof CharSequence text && text.toString().isBlank()
                    || command instanceof java.util.Collection<?> list && list.isEmpty()) {
                // Micronaut cannot bind an empty value to a list at all; say what is wrong rather than how it failed
                problems.add(at + ".command must not be empty: an argv list such as [nginx, -s, reload]");
                continue;
            }
            if (environment.containsProperty(at + ".timeout")
                    && environment.getProperty(at + ".timeout", Duration.class).isEmpty()) {
                // a @Nullable Duration that does not convert is bound as null, i.e. the default: never silently
                problems.add(at + ".timeout is not a duration such as 30s or 2m");
                continue;
            }
            try {
                hooks.add(beans.getBean(HookConfiguration.class, Qualifiers.byName(name)));
            } catch (RuntimeException e) {
                problems.add(describe(at, e));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("invalid hook configuration: " + String.join("; ", problems));
        }
        Hooks result = Hooks.of(hooks);
        for (HookConfiguration hook : hooks) {
            if (hook.command().size() == 1 && hook.command().get(0).strip().contains(" ")) {
                LOG.warn("Hook '{}': its command is one argument with spaces ({}); hooks run without a shell, so write"
                        + " it as a list such as [nginx, -s, reload]", hook.name(), hook.summary());
            }
        }
        if (!hooks.isEmpty()) {
            LOG.info("Configured hooks: {}", result.names());
        }
        return result;
    }

    private static List<String> unknownKeys(Map<?, ?> block) {
        List<String> out = new ArrayList<>();
        for (Object k : block.keySet()) {
            String key = String.valueOf(k);
            Matcher m = INDEXED.matcher(key);
            String base = m.matches() ? m.group(1) : key;
            if (!HookConfiguration.SETTINGS.contains(base)) {
                out.add(key);
            }
        }
        return out;
    }

    /** The check's own message when the record refused a value; otherwise the setting Micronaut could not bind. */
    static String describe(String at, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigurationException && t.getMessage() != null && t.getMessage().startsWith(at)) {
                return t.getMessage();
            }
        }
        String message = String.valueOf(failure.getMessage());
        Matcher parameter = PARAMETER.matcher(message);
        if (parameter.find()) {
            String setting = parameter.group(1);
            return at + "." + setting + (setting.equals("timeout")
                    ? " is not a duration such as 30s or 2m" : " cannot be read as a list of strings");
        }
        return at + ": " + message.lines().findFirst().orElse("invalid");
    }
}

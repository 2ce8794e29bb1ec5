package io.vaultpki.exporter.hook;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.vaultpki.exporter.spec.SpecValidator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One post-write hook, {@code exporter.hooks.<name>.*}: the only place a command the exporter runs can come from.
 * Exports (configured or created through the API) refer to it by name; an API request may name it only when the
 * token's write policy lists it ({@code policy.hooks}).
 *
 * <p>Immutable and checked when the bean is built: every rule below is enforced by the compact constructor with a
 * message naming the setting ({@code exporter.hooks.reload.command must not be empty}), because Micronaut's own
 * constraint report names the Java type rather than the setting; the Jakarta annotations state the same contract.
 *
 * @param name        the hook's name, {@code ^[a-z0-9][a-z0-9-]{0,62}$} (a dot would split the property path and
 *                    Micronaut normalises {@code _} to {@code -} in keys, so neither can appear)
 * @param command     argv, run without a shell: {@code [nginx, -s, reload]}; at most 64 arguments of 4096 characters
 * @param timeout     how long the command may run before it and its children are killed; default 30 s, at most 10 min
 * @param environment extra variables as {@code NAME=value} entries, on top of the allow-listed ones; names that look
 *                    like credentials, {@code VAULT_*} credentials and the reserved {@code EXPORT_*} are refused
 */
@EachProperty(HookConfiguration.PREFIX)
public record HookConfiguration(@Parameter @Pattern(regexp = NAME_REGEX) String name,
                                @NotEmpty @Size(max = MAX_ARGS) List<@Size(max = MAX_ARG_CHARS) String> command,
                                @Nullable Duration timeout,
                                @Nullable @Size(max = MAX_ENV) List<@NotBlank String> environment) {

    public static final String PREFIX = "exporter.hooks";
    public static final String NAME_REGEX = SpecValidator.HOOK_NAME_REGEX;
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(NAME_REGEX);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_ARGS = 64;
    static final int MAX_ARG_CHARS = 4096;
    static final int MAX_ENV = 32;
    private static final java.util.regex.Pattern ENV_NAME = java.util.regex.Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");

    public HookConfiguration {
        String at = PREFIX + "." + name;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigurationException(at + ": a hook name must match " + NAME_REGEX);
        }
        command = checkCommand(at + ".command", command);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConfigurationException(at + ".timeout must be positive and at most 10m, was " + timeout);
        }
        environment = environment == null ? List.of() : List.copyOf(environment);
        parseEnvironment(at + ".environment", environment);
    }

    /** A hook defined in code (tests), with the same checks as configuration. */
    public static HookConfiguration of(String name, List<String> command, Duration timeout) {
        return new HookConfiguration(name, command, timeout, List.of());
    }

    /** The operator's extra variables, by name, in the order given. */
    public Map<String, String> environmentVariables() {
        return parseEnvironment(PREFIX + "." + name + ".environment", environment);
    }

    private static List<String> checkCommand(String setting, List<String> command) {
        if (command == null || command.isEmpty() || command.stream().allMatch(a -> a == null || a.isBlank())) {
            throw new ConfigurationException(setting + " must not be empty: an argv list such as [nginx, -s, reload]");
        }
        if (command.size() > MAX_ARGS) {
            throw new ConfigurationException(setting + " must have at most " + MAX_ARGS + " arguments");
        }
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg == null || i == 0 && arg.isBlank()) {
                throw new ConfigurationException(setting + "[" + i + "] must not be blank");
            }
            if (arg.length() > MAX_ARG_CHARS || arg.indexOf('\0') >= 0) {
                throw new ConfigurationException(setting + "[" + i + "] must be at most " + MAX_ARG_CHARS
                        + " characters without NUL");
            }
        }
        return List.copyOf(command);
    }

    private static Map<String, String> parseEnvironment(String setting, List<String> entries) {
        if (entries.size() > MAX_ENV) {
            throw new ConfigurationException(setting + " must have at most " + MAX_ENV + " entries");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int eq = entry == null ? -1 : entry.indexOf('=');
            String at = setting + "[" + i + "]";
            if (eq <= 0) {
                throw new ConfigurationException(at + " must be NAME=value");
            }
            String variable = entry.substring(0, eq);
            String value = entry.substring(eq + 1);
            if (!ENV_NAME.matcher(variable).matches()) {
                throw new ConfigurationException(at + ": '" + printable(variable) + "' is not a variable name");
            }
            if (variable.toUpperCase(Locale.ROOT).startsWith("EXPORT_")) {
                throw new ConfigurationException(at + ": " + variable + " is reserved (EXPORT_* describe the switch)");
            }
            if (HookEnvironment.isCredential(variable)) {
                // the name alone decides, so the refusal never depends on (or echoes) the value
                throw new ConfigurationException(at + ": " + variable + " looks like a credential; a hook never gets"
                        + " Vault tokens, API tokens, passwords or keys");
            }
            if (value.indexOf('\0') >= 0 || value.length() > MAX_ARG_CHARS || value.contains("PRIVATE KEY")) {
                throw new ConfigurationException(at + ": the value of " + variable + " must be at most "
                        + MAX_ARG_CHARS + " characters, without NUL or key material");
            }
            if (out.put(variable, value) != null) {
                throw new ConfigurationException(at + ": " + variable + " is set twice");
            }
        }
        return out;
    }

    private static String printable(String text) {
        String t = text.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 64 ? t.substring(0, 64) + "…" : t;
    }

    /** Argv[0] and the argument count: enough to recognise the hook in a log line, without its arguments. */
    public String summary() {
        return summary(command);
    }

    /** As {@link #summary()}, for any argv (also a legacy inline command read from disk). */
    public static String summary(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            return "an empty command";
        }
        String program = printable(String.valueOf(argv.get(0)));
        int args = argv.size() - 1;
        return "'" + program + "' with " + args + (args == 1 ? " argument" : " arguments");
    }

    @Override
    public String toString() {
        // arguments may carry operator secrets (a password on a curl line): never print them
        return "HookConfiguration[" + name + ": " + summary() + ", timeout=" + timeout + "]";
    }

    /** The settings of one hook, {@code exporter.hooks.<name>.<setting>}. */
    static final java.util.Set<String> SETTINGS = java.util.Set.of("command", "timeout", "environment");
}

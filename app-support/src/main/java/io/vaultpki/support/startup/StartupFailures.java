package io.vaultpki.support.startup;

import io.micronaut.context.exceptions.BeanCreationException;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import io.vaultpki.client.VaultConfigurationException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the meaningful cause of a start-up failure in the chain Micronaut wraps it in (a
 * {@code BeanInstantiationException} around a {@code DependencyInjectionException} around the real error, each
 * repeating the bean path) and says it in one line.
 * <ul>
 * <li>A setting error anywhere in the chain wins: {@link VaultConfigurationException}, Micronaut's
 * {@link ConfigurationException} (the apps' own checks and a value Micronaut cannot convert),
 * {@link ConversionErrorException}, and the application's own types given to the constructor. The outermost one is
 * used, because it names the setting the user wrote.</li>
 * <li>A bean Micronaut refused to build because a Jakarta constraint of a settings record failed: the violations'
 * messages, which name the setting ({@code exporter.concurrency must be between 1 and 64, was 500}).</li>
 * <li>A {@link BindException}: the port that is in use.</li>
 * <li>Otherwise the outermost exception that is not a wrapper, followed by the root cause when that adds
 * something ({@code Unable to start Micronaut server on *:8080 (BindException: Address already in use)}).</li>
 * </ul>
 * The line never spans lines, holds no control character and is at most {@value #MAX_LENGTH} characters.
 */
public final class StartupFailures {

    static final int MAX_LENGTH = 400;
    private static final int MAX_VALUE_LENGTH = 40;
    private static final int MAX_CHAIN = 32;

    // Micronaut's message for a value it cannot convert; a DependencyInjectionException carries it only as text
    // ("Failed to inject value for parameter [concurrency] ...\n\nMessage: Error resolving property value [...]...")
    private static final Pattern UNCONVERTIBLE = Pattern.compile(
            "Error resolving property value \\[([^\\]\n]+)\\]\\. Unable to convert value \\[(.*?)\\] to target type \\[([^\\]\n]+)\\]",
            Pattern.DOTALL);

    // Micronaut's report of a settings bean that failed its Jakarta constraints: one "<path> - <message>" per line
    private static final Pattern CONSTRAINT_REPORT = Pattern.compile(
            "List of constraint violations:\\[\\s*\\n(.*?)\\n\\s*]", Pattern.DOTALL);
    private static final Pattern VIOLATION = Pattern.compile("^\\s*(\\S+) - (.+)$", Pattern.MULTILINE);

    // Micronaut's ServerStartupException says "Unable to start Micronaut server on *:8082"
    private static final Pattern BOUND_PORT = Pattern.compile(" on \\S*:(\\d{1,5})\\s*$", Pattern.MULTILINE);

    private static final List<Class<? extends Throwable>> BUILT_IN_SETTING_ERRORS = List.of(
            VaultConfigurationException.class, ConfigurationException.class, ConversionErrorException.class);

    private static final List<Class<? extends Throwable>> WRAPPERS = List.of(
            BeanCreationException.class, ApplicationStartupException.class, InvocationTargetException.class,
            UndeclaredThrowableException.class, ExecutionException.class, CompletionException.class);

    private final Set<Class<? extends Throwable>> settingErrors;
    private final Map<String, String> environment;

    /**
     * @param applicationSettingErrors the application's own exception types that mean "a setting is wrong" (their
     *                                 message starts with the setting's name)
     * @param environment              the process environment, to name the variable a bad value came from
     */
    public StartupFailures(List<Class<? extends Throwable>> applicationSettingErrors, Map<String, String> environment) {
        Set<Class<? extends Throwable>> types = new LinkedHashSet<>(BUILT_IN_SETTING_ERRORS);
        types.addAll(applicationSettingErrors);
        this.settingErrors = Collections.unmodifiableSet(types);
        this.environment = Map.copyOf(environment);
    }

    /** The one-line explanation of {@code failure}. */
    public StartupFailure explain(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (isSettingError(t)) {
                return new StartupFailure(StartupFailure.Kind.CONFIGURATION, settingMessage(t), failure);
            }
        }
        for (Throwable t : chain) {
            Matcher report = t.getMessage() == null ? null : CONSTRAINT_REPORT.matcher(t.getMessage());
            if (report != null && report.find()) {
                return new StartupFailure(StartupFailure.Kind.CONFIGURATION, violations(report.group(1)), failure);
            }
        }
        for (Throwable t : chain) {
            Matcher unconvertible = t.getMessage() == null ? null : UNCONVERTIBLE.matcher(t.getMessage());
            if (unconvertible != null && unconvertible.find()) {
                return new StartupFailure(StartupFailure.Kind.CONFIGURATION, unconvertibleMessage(unconvertible), failure);
            }
        }
        if (chain.stream().anyMatch(BindException.class::isInstance)) {
            return new StartupFailure(StartupFailure.Kind.PORT_IN_USE, portInUse(chain), failure);
        }
        Throwable meaningful = chain.stream().filter(t -> !isWrapper(t)).findFirst().orElse(chain.get(chain.size() - 1));
        Throwable root = chain.get(chain.size() - 1);
        String message = oneLine(text(meaningful));
        if (root != meaningful) {
            String rootText = oneLine(text(root));
            if (!message.contains(rootText)) {
                message = message + " (" + root.getClass().getSimpleName() + ": " + rootText + ")";
            }
        } else if (meaningful.getMessage() != null && !meaningful.getMessage().isBlank()
                && !(meaningful instanceof BindException) && meaningful.getClass().getName().startsWith("java.")) {
            // a bare JDK exception says little without its type (NullPointerException, IllegalStateException, ...)
            message = meaningful.getClass().getSimpleName() + ": " + message;
        }
        return new StartupFailure(StartupFailure.Kind.OTHER, truncate(message), failure);
    }

    /**
     * The violations' messages, joined by {@code ; }. A message that does not start with a setting's name (Jakarta's
     * default {@code must be less than or equal to 64}) is prefixed with the violation's path, the Java name of the
     * bean and the property, so it still says where.
     */
    private static String violations(String report) {
        List<String> lines = new ArrayList<>();
        Matcher m = VIOLATION.matcher(report);
        while (m.find()) {
            String message = m.group(2).strip();
            lines.add(message.matches("^[a-z][\\w-]*(\\.[\\w\\[\\]-]+)+\\b.*") ? message : m.group(1) + ": " + message);
        }
        return truncate(oneLine(lines.isEmpty() ? report : String.join("; ", lines)));
    }

    /** {@code port 8082 is already in use}, the port taken from Micronaut's "Unable to start ... on *:8082". */
    private static String portInUse(List<Throwable> chain) {
        for (Throwable t : chain) {
            Matcher m = t.getMessage() == null ? null : BOUND_PORT.matcher(t.getMessage());
            if (m != null && m.find()) {
                return "port " + m.group(1) + " is already in use";
            }
        }
        return "its HTTP port is already in use";
    }

    private boolean isSettingError(Throwable t) {
        return settingErrors.stream().anyMatch(type -> type.isInstance(t));
    }

    private static boolean isWrapper(Throwable t) {
        return WRAPPERS.stream().anyMatch(type -> type.isInstance(t)) || t instanceof LaunchAbort;
    }

    private String settingMessage(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        Matcher m = UNCONVERTIBLE.matcher(message);
        return m.find() ? unconvertibleMessage(m) : truncate(oneLine(message));
    }

    /** {@code monitor.refresh.concurrency: not a valid int: 'abc' (environment variable MONITOR_REFRESH_CONCURRENCY)}. */
    private String unconvertibleMessage(Matcher m) {
        String property = oneLine(m.group(1));
        String line = property + ": not a valid " + oneLine(m.group(3)) + ": '"
                + truncate(oneLine(m.group(2)), MAX_VALUE_LENGTH) + "'";
        String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        if (environment.containsKey(variable)) {
            line = line + " (environment variable " + variable + ")";
        }
        return truncate(line);
    }

    private static String text(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** The first line (Micronaut appends "Message: ..." and "Path Taken: ..." paragraphs), without control characters. */
    static String oneLine(String text) {
        String first = text.strip();
        int newline = first.indexOf('\n');
        if (newline >= 0) {
            first = first.substring(0, newline);
        }
        StringBuilder out = new StringBuilder(first.length());
        first.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static String truncate(String text) {
        return truncate(text, MAX_LENGTH);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && chain.size() < MAX_CHAIN; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}

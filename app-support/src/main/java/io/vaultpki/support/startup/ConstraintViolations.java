package io.vaultpki.support.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the constraint messages out of Micronaut validation's text for a settings bean that failed its Jakarta
 * constraints ({@code Validation failed for bean definition [...]\nList of constraint violations:[\n\t<path> -
 * <message>\n]}), which is all a {@code BeanInstantiationException} carries. The settings write messages that name
 * the setting ({@code monitor.refresh.concurrency must be at least 1, was 0}), so those are the line to show.
 */
final class ConstraintViolations {

    private static final Pattern LIST = Pattern.compile("List of constraint violations:\\[\\n((?:\\t[^\\n]*\\n)+)\\]");

    private static final Pattern SETTING_FIRST = Pattern.compile("[a-z][\\w-]*(\\.[\\w\\[\\]-]+)+\\b");

    private ConstraintViolations() {
    }

    /** The violations' messages joined with {@code "; "}, or empty when {@code message} is not such a text. */
    static Optional<String> in(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = LIST.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> messages = new ArrayList<>();
        for (String line : m.group(1).split("\n")) {
            String violation = line.strip();
            int dash = violation.indexOf(" - ");
            String text = dash < 0 ? violation : violation.substring(dash + 3);
            // a message that does not start with the setting (a constraint's default text) gets the bound path
            messages.add(dash < 0 || SETTING_FIRST.matcher(text).lookingAt() ? text : violation.substring(0, dash) + ": " + text);
        }
        return Optional.of(String.join("; ", messages));
    }
}

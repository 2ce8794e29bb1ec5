package io.vaultpki.exporter.once;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of a one-shot run: {@code --once [--export NAME]... [--dry-run] [--lock-wait DURATION]}, plus
 * Micronaut's {@code --name=value} settings, passed on as the service gets them. Anything else is a usage error
 * (exit status 2), so a typo never becomes a run over every export.
 *
 * @param exports     the exports to run, in the order given; empty means all of them
 * @param dryRun      only print what would be done
 * @param lockWait    how long to wait for another one-shot run on the same directory
 * @param passThrough the arguments for Micronaut ({@code --name=value})
 */
public record OnceOptions(List<String> exports, boolean dryRun, Duration lockWait, List<String> passThrough) {

    public static final String ONCE = "--once";
    public static final String EXPORT = "--export";
    public static final String DRY_RUN = "--dry-run";
    public static final String LOCK_WAIT = "--lock-wait";
    /** The default of {@code --lock-wait}. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    static final Duration MAX_LOCK_WAIT = Duration.ofHours(24);

    static final String USAGE = "usage: --once [--export NAME]... [--dry-run] [--lock-wait DURATION]";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
    private static final Pattern SETTING = Pattern.compile("--[A-Za-z0-9][A-Za-z0-9._\\[\\]-]*=.*", Pattern.DOTALL);
    private static final int MAX_SHOWN = 60;

    public OnceOptions {
        exports = List.copyOf(exports);
        passThrough = List.copyOf(passThrough);
    }

    /** Whether {@code args} ask for a one-shot run. */
    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(ONCE);
    }

    /** A one-shot flag given without {@code --once} (the service would silently ignore it): the usage message. */
    public static Optional<String> misuse(String[] args) {
        if (requested(args)) {
            return Optional.empty();
        }
        for (String arg : args) {
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (flag.equals(EXPORT) || flag.equals(DRY_RUN) || flag.equals(LOCK_WAIT)) {
                return Optional.of(flag + " is only valid with --once; " + USAGE);
            }
        }
        return Optional.empty();
    }

    /** Parses a one-shot command line. */
    public static OnceOptions parse(String[] args) throws OnceUsageException {
        Set<String> exports = new LinkedHashSet<>();
        boolean once = false;
        boolean dryRun = false;
        Duration lockWait = DEFAULT_LOCK_WAIT;
        List<String> passThrough = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = !flag.equals(arg);
            switch (flag) {
                case ONCE -> once = requireNoValue(flag, inline, true);
                case DRY_RUN -> dryRun = requireNoValue(flag, inline, true);
                case EXPORT -> exports.add(value(flag, inline ? arg.substring(flag.length() + 1) : next(args, ++i, flag)));
                case LOCK_WAIT -> lockWait = duration(inline ? arg.substring(flag.length() + 1) : next(args, ++i, flag));
                default -> {
                    if (!SETTING.matcher(arg).matches()) {
                        throw new OnceUsageException("unknown argument '" + shown(arg) + "'; " + USAGE);
                    }
                    passThrough.add(arg);
                }
            }
        }
        if (!once) {
            throw new OnceUsageException(misuse(args).orElse(USAGE));
        }
        return new OnceOptions(List.copyOf(exports), dryRun, lockWait, passThrough);
    }

    private static boolean requireNoValue(String flag, boolean inline, boolean value) throws OnceUsageException {
        if (inline) {
            throw new OnceUsageException(flag + " takes no value; " + USAGE);
        }
        return value;
    }

    private static String next(String[] args, int i, String flag) throws OnceUsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new OnceUsageException(flag + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static String value(String flag, String value) throws OnceUsageException {
        if (value.isBlank()) {
            throw new OnceUsageException(flag + " needs a value; " + USAGE);
        }
        return value;
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}, {@code 1h} or a number of seconds; at most a day. */
    static Duration duration(String text) throws OnceUsageException {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new OnceUsageException("--lock-wait: not a duration such as 60s, 2m or 500ms: '" + shown(text) + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.compareTo(MAX_LOCK_WAIT) > 0) {
            throw new OnceUsageException("--lock-wait: at most 24h, was '" + shown(text) + "'");
        }
        return d;
    }

    /** An argument as it may be echoed: one line, bounded, no control characters. */
    static String shown(String arg) {
        String clean = arg.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_SHOWN ? clean : clean.substring(0, MAX_SHOWN) + "…";
    }
}

package io.vaultpki.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Failure modes tests switch on and off. All thread-safe; {@link #clear()} restores a healthy active node.
 * Path regexes are searched ({@link java.util.regex.Matcher#find()}) in the request path without {@code /v1/}
 * and without the namespace header, e.g. {@code "pki/issue/"} or {@code "^sys/health$"}.
 * Faults apply before routing and ACL checks, in this order: latency, drop, seal/standby, rate limit, failNext,
 * errorRate; malformed and replaced bodies are applied to the normal answer.
 */
public final class Faults {

    /** What the server must do instead of (or to) the normal answer. */
    sealed interface Action permits Fail, Drop, Malformed {
    }

    record Fail(int status, List<String> errors, boolean retryAfter) implements Action {
    }

    record Drop() implements Action {
    }

    record Malformed() implements Action {
    }

    private record Replacement(Pattern path, String body) {
    }

    private record Latency(Pattern path, Duration delay) {
    }

    private record Counted(Pattern path, AtomicInteger remaining, Action action) {
    }

    private record Rate(Pattern path, double rate, int status) {
    }

    private final List<Latency> latencies = new CopyOnWriteArrayList<>();
    private final List<Counted> counted = new CopyOnWriteArrayList<>();
    private final List<Rate> rates = new CopyOnWriteArrayList<>();
    private final List<Replacement> replacements = new CopyOnWriteArrayList<>();
    private final AtomicBoolean sealed = new AtomicBoolean();
    private final AtomicReference<StandbyMode> standby = new AtomicReference<>();

    Faults() {
    }

    /** Delays every request. */
    public Faults latency(Duration delay) {
        return latency("", delay);
    }

    /** Delays requests whose path matches. */
    public Faults latency(String pathRegex, Duration delay) {
        latencies.add(new Latency(Pattern.compile(pathRegex), delay));
        return this;
    }

    /** Seals the node: logical requests 503 {@code Vault is sealed}, health 503, seal-status {@code sealed:true}. */
    public Faults seal() {
        sealed.set(true);
        return this;
    }

    public Faults unseal() {
        sealed.set(false);
        return this;
    }

    public boolean isSealed() {
        return sealed.get();
    }

    /** Turns the node into a standby. */
    public Faults standby(StandbyMode mode) {
        standby.set(mode);
        return this;
    }

    /** Makes the node the active one again. */
    public Faults active() {
        standby.set(null);
        return this;
    }

    public Optional<StandbyMode> standbyMode() {
        return Optional.ofNullable(standby.get());
    }

    /** The next {@code times} matching requests fail with {@code status} and these (plain) error strings. */
    public Faults failNext(String pathRegex, int times, int status, String... errors) {
        return counted(pathRegex, times, new Fail(status, List.of(errors), false));
    }

    /** Each matching request fails with probability {@code rate} ({@code {"errors":[]}} with {@code status}). */
    public Faults errorRate(String pathRegex, double rate, int status) {
        rates.add(new Rate(Pattern.compile(pathRegex), rate, status));
        return this;
    }

    /** The next {@code times} matching requests hit a rate-limit quota: 429 with {@code Retry-After: 1}. */
    public Faults rateLimit(String pathRegex, int times) {
        return counted(pathRegex, times, new Fail(429, List.of(), true));
    }

    /** The next {@code times} matching requests get their connection closed without any HTTP response. */
    public Faults dropConnections(String pathRegex, int times) {
        return counted(pathRegex, times, new Drop());
    }

    /** The next {@code times} matching requests get status 200 and a truncated JSON body. */
    public Faults malformedJson(String pathRegex, int times) {
        return counted(pathRegex, times, new Malformed());
    }

    /** Until cleared, matching requests are answered with {@code body} (as JSON) and their normal status. */
    public Faults replaceBody(String pathRegex, String body) {
        replacements.add(new Replacement(Pattern.compile(pathRegex), body));
        return this;
    }

    /** Removes every fault: no latency, unsealed, active, no pending failures. */
    public Faults clear() {
        latencies.clear();
        counted.clear();
        rates.clear();
        replacements.clear();
        sealed.set(false);
        standby.set(null);
        return this;
    }

    private Faults counted(String pathRegex, int times, Action action) {
        counted.add(new Counted(Pattern.compile(pathRegex), new AtomicInteger(times), action));
        return this;
    }

    Duration latencyFor(String path) {
        Duration total = Duration.ZERO;
        for (Latency l : latencies) {
            if (l.path().matcher(path).find()) {
                total = total.plus(l.delay());
            }
        }
        return total;
    }

    /** Consumes and returns the first counted or random fault matching the path, if any. */
    Optional<Action> take(String path) {
        for (Counted c : counted) {
            if (c.path().matcher(path).find() && c.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.of(c.action());
            }
        }
        for (Rate r : rates) {
            if (r.path().matcher(path).find() && ThreadLocalRandom.current().nextDouble() < r.rate()) {
                return Optional.of(new Fail(r.status(), List.of(), false));
            }
        }
        return Optional.empty();
    }

    Optional<String> replacementFor(String path) {
        return replacements.stream().filter(r -> r.path().matcher(path).find()).map(Replacement::body).findFirst();
    }
}

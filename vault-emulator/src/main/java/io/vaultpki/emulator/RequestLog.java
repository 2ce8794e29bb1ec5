package io.vaultpki.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The requests the emulator answered, in order of completion. Token values are never stored. The log keeps the
 * most recent {@link #DEFAULT_LIMIT} entries so that a long benchmark does not grow it without bound.
 */
public final class RequestLog {

    /**
     * One request.
     *
     * @param method       HTTP method; {@code LIST} also for {@code GET ?list=true}
     * @param path         path without {@code /v1/} and without query, as sent (namespace header not prepended)
     * @param namespace    the {@code X-Vault-Namespace} header, {@code ""} when absent
     * @param tokenPresent whether {@code X-Vault-Token} or {@code Authorization: Bearer} was sent
     * @param status       HTTP status answered; 0 when the connection was dropped
     * @param time         when the request arrived (emulator clock)
     */
    public record Entry(String method, String path, String namespace, boolean tokenPresent, int status, Instant time) {
    }

    public static final int DEFAULT_LIMIT = 200_000;

    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final int limit;

    RequestLog(int limit) {
        this.limit = limit;
    }

    void add(Entry entry) {
        entries.add(entry);
        if (size.incrementAndGet() > limit && entries.poll() != null) {
            size.decrementAndGet();
        }
    }

    /** A request arrived (before any injected latency): counts towards {@link #maxConcurrent()}. */
    void begin() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    /** The request was answered or dropped. */
    void end() {
        inFlight.decrementAndGet();
    }

    /**
     * The most requests the emulator was handling at once since it started or since the last {@link #clear()}, from
     * each request's arrival until its answer was ready (injected latency included): what a Vault server would see
     * as one client's concurrency.
     */
    public int maxConcurrent() {
        return maxInFlight.get();
    }

    public List<Entry> all() {
        return List.copyOf(entries);
    }

    /** Requests with this method whose path matches the regex entirely. */
    public long count(String method, String pathRegex) {
        var pattern = Pattern.compile(pathRegex);
        return entries.stream()
                .filter(e -> e.method().equalsIgnoreCase(method) && pattern.matcher(e.path()).matches())
                .count();
    }

    public void clear() {
        while (entries.poll() != null) {
            size.decrementAndGet();
        }
        maxInFlight.set(inFlight.get());
    }
}

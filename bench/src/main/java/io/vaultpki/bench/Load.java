package io.vaultpki.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator on the JDK {@link HttpClient}: requests leave at a fixed rate whatever the answers do,
 * and each latency is counted from the request's <em>scheduled</em> start, so a stalled server shows up in the
 * percentiles instead of slowing the generator down (no coordinated omission). Each answer is read to its end and
 * discarded, as wrk and hey do: keeping the bodies would make the generator, on the same cores, allocate what the
 * measured server sends (140 MB/s for 500 scrapes of 280 KB a second).
 */
final class Load {

    /**
     * Latencies in milliseconds of the 2xx answers; {@code failed}: errors, timeouts and requests not sent because
     * {@link #MAX_IN_FLIGHT} were already waiting (the server was saturated); the achieved rate of 2xx answers.
     */
    record Result(int sent, int ok, int failed, double p50Ms, double p99Ms, double maxMs, double okPerSecond) {
    }

    /**
     * At most this many requests wait at once (like wrk2's connection count): a saturated server then builds a
     * bounded backlog instead of thousands of queued requests it would keep serving long after the load stopped.
     */
    static final int MAX_IN_FLIGHT = 64;

    private Load() {
    }

    /** Sends {@code rate} requests per second for {@code duration}, cycling through {@code targets}. */
    static Result run(List<URI> targets, String bearer, int rate, Duration duration) {
        return run(targets, bearer, rate, duration, Duration.ofSeconds(10));
    }

    /** As above; a request unanswered after {@code timeout} counts as failed. */
    static Result run(List<URI> targets, String bearer, int rate, Duration duration, Duration timeout) {
        return withHeaders(targets, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), rate,
                duration, timeout);
    }

    /** As above, each request with these {@code headers} (a scraper's {@code Accept}, {@code Accept-Encoding}). */
    static Result withHeaders(List<URI> targets, Map<String, String> headers, int rate, Duration duration,
                              Duration timeout) {
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-load");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            long period = 1_000_000_000L / rate;
            int total = (int) (duration.toNanos() / period);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong failed = new AtomicLong();
            AtomicLong lastDone = new AtomicLong();
            CompletableFuture<?>[] all = new CompletableFuture<?>[total];
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * period;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!inFlight.tryAcquire()) {
                    failed.incrementAndGet();
                    all[i] = CompletableFuture.completedFuture(null);
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(targets.get(i % targets.size()))
                        .timeout(timeout).GET();
                headers.forEach(request::header);
                all[i] = http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                        .handle((response, error) -> {
                            inFlight.release();
                            long done = System.nanoTime();
                            lastDone.accumulateAndGet(done, Math::max);
                            if (error == null && response.statusCode() / 100 == 2) {
                                latencies.add(done - scheduled);
                            } else {
                                failed.incrementAndGet();
                            }
                            return null;
                        });
            }
            CompletableFuture.allOf(all).orTimeout(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)
                    .exceptionally(e -> null).join();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double seconds = Math.max(1, lastDone.get() - start) / 1e9;
            return new Result(total, sorted.length, (int) failed.get(), percentile(sorted, 50), percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, sorted.length / seconds);
        } finally {
            executor.shutdownNow();
        }
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    static double percentile(double[] sortedMs, double p) {
        if (sortedMs.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMs.length) - 1;
        return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, index))];
    }

    static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }
}

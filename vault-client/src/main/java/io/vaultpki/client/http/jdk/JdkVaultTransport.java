package io.vaultpki.client.http.jdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.client.VaultException;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.event.VaultClientEvent;
import io.vaultpki.client.event.VaultClientListener;
import io.vaultpki.client.http.Backoff;
import io.vaultpki.client.http.Sleeper;
import io.vaultpki.client.http.VaultConnectionException;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultPaths;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultTimeoutException;
import io.vaultpki.client.http.VaultTlsException;
import io.vaultpki.client.http.VaultTransport;
import io.vaultpki.client.http.VaultUnavailableException;
import io.vaultpki.client.tls.SslContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * {@link VaultTransport} on {@code java.net.http.HttpClient}: HTTP/1.1 with connection reuse, connect and read
 * timeouts, at most {@code maxConcurrency} requests in flight, retries with exponential backoff and full jitter on
 * retryable failures (see {@link VaultException#isRetryable()}), and 307 standby redirects followed only to the same
 * scheme, host and port. A {@code 304} answers a conditional request ({@link VaultRequest#isConditional()}); every 429
 * and 503 is also reported to the listener as {@link VaultClientEvent.BackPressure}. Logs method, path and status
 * only: never a token or a body.
 */
public final class JdkVaultTransport implements VaultTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JdkVaultTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 3;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final VaultSettings settings;
    private final URI base;
    private final HttpClient http;
    private final ExecutorService executor;
    private final Semaphore permits;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final VaultClientListener listener;
    private volatile boolean closed;

    /** A transport that really sleeps between retries, with a default random source. */
    public JdkVaultTransport(VaultSettings settings) {
        this(settings, VaultClientListener.NONE);
    }

    /** A transport that reports 429 and 503 answers to {@code listener} ({@link VaultClientEvent.BackPressure}). */
    public JdkVaultTransport(VaultSettings settings, VaultClientListener listener) {
        this(settings, Sleeper.SYSTEM, RandomGenerator.getDefault(), listener);
    }

    /** With an injected sleeper and random source, for tests of the retry behaviour. */
    public JdkVaultTransport(VaultSettings settings, Sleeper sleeper, RandomGenerator random) {
        this(settings, sleeper, random, VaultClientListener.NONE);
    }

    /** With an injected sleeper, random source and listener. */
    public JdkVaultTransport(VaultSettings settings, Sleeper sleeper, RandomGenerator random,
                             VaultClientListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.base = settings.address();
        this.sleeper = sleeper;
        this.backoff = new Backoff(settings.retry(), random);
        this.permits = new Semaphore(settings.maxConcurrency(), true);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vault-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
        if ("https".equalsIgnoreCase(base.getScheme())) {
            b.sslContext(SslContexts.create(settings.tls()));
        }
        this.http = b.build();
    }

    @Override
    public URI address() {
        return base;
    }

    @Override
    public VaultHttpResponse execute(VaultRequest request, VaultToken token) {
        if (closed) {
            throw new IllegalStateException("transport is closed");
        }
        int maxAttempts = settings.retry().maxAttempts();
        URI uri = uri(base, request);
        int redirects = 0;
        for (int attempt = 1; ; attempt++) {
            VaultException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<byte[]> response = send(request, uri, token);
                int status = response.statusCode();
                if (status >= 200 && status < 300 || status == 304 && request.isConditional()) {
                    return new VaultHttpResponse(status, headers(response), response.body());
                }
                if (status == 307 && redirects < MAX_REDIRECTS) {
                    URI target = StandbyRedirects.target(uri, response);
                    if (target != null) {
                        LOG.debug("Following standby redirect for {} {}", request.displayMethod(), request.path());
                        uri = target;
                        redirects++;
                        attempt--;
                        continue;
                    }
                }
                VaultResponseException error = ErrorResponses.toException(request, uri, response);
                if (error instanceof VaultUnavailableException u) {
                    retryAfter = u.retryAfter().orElse(null);
                    listener.onEvent(new VaultClientEvent.BackPressure(request.displayMethod(), request.path(),
                            status, u.retryAfter()));
                }
                failure = error;
            } catch (HttpTimeoutException e) {
                failure = new VaultTimeoutException(request.displayMethod(), request.path(),
                        e instanceof java.net.http.HttpConnectTimeoutException
                                ? settings.connectTimeout() : settings.readTimeout(), e);
            } catch (IOException e) {
                if (isTls(e)) {
                    throw new VaultTlsException(request.displayMethod(), request.path(), base.toString(), e);
                }
                failure = new VaultConnectionException(request.displayMethod(), request.path(), base.toString(), e);
            }
            if (!failure.isRetryable() || attempt >= maxAttempts) {
                throw failure;
            }
            Duration delay = backoff.delay(attempt, retryAfter);
            LOG.debug("{} {} failed on attempt {} of {} ({}); retrying in {} ms", request.displayMethod(),
                    request.path(), attempt, maxAttempts, failure.getClass().getSimpleName(), delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    private HttpResponse<byte[]> send(VaultRequest request, URI uri, VaultToken token) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("X-Vault-Request", "true");
        if (request.authenticated() && token != null) {
            b.header("X-Vault-Token", token.reveal());
        }
        if (request.namespaced() && settings.namespace() != null) {
            b.header("X-Vault-Namespace", settings.namespace());
        }
        // only the conditional headers VaultRequest admits (never the token, namespace or framing headers)
        request.headers().forEach(b::header);
        if (request.body() != null) {
            b.header("Content-Type", "application/json");
            b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request.body())));
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a connection slot");
        }
        try {
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug("{} {} -> {}", request.displayMethod(), request.path(), response.statusCode());
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for Vault");
        } finally {
            permits.release();
        }
    }

    /** Builds {@code <address>/v1/<encoded path>?<query>}, keeping any path prefix of the address. */
    static URI uri(URI base, VaultRequest request) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        StringBuilder sb = new StringBuilder();
        sb.append(base.getScheme()).append("://").append(base.getRawAuthority()).append(prefix)
                .append("/v1/").append(VaultPaths.encode(request.path()));
        if (!request.query().isEmpty()) {
            char sep = '?';
            for (Map.Entry<String, String> e : new TreeMap<>(request.query()).entrySet()) {
                sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return URI.create(sb.toString());
    }

    private static Map<String, List<String>> headers(HttpResponse<?> response) {
        Map<String, List<String>> out = new TreeMap<>();
        response.headers().map().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    private static boolean isTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "JdkVaultTransport[" + base + "]";
    }
}

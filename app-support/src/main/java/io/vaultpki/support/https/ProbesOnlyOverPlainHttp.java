package io.vaultpki.support.https;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * With HTTPS on, the plain HTTP listener exists only for Kubernetes and Nomad probes, which cannot present a client
 * certificate: anything but {@code /health} and {@code /status} (the monitor's bare {@code OK}/{@code NOK}, which the
 * Python exporter served as a probe; the exporter has no such route) over plain HTTP is answered 404, so metrics and
 * the APIs stay behind TLS and client authentication. On only when {@link HttpsSettings} opened the probes listener:
 * an exporter configured with Micronaut's own {@code micronaut.server.ssl.*} keeps serving as it did.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.server.ssl.enabled", value = "true")
@Requires(property = HttpsSettings.PROBES_LISTENER + ".port")
public class ProbesOnlyOverPlainHttp implements Ordered {

    /** Before every filter of the apps: over plain HTTP nothing but a probe reaches an app's authentication. */
    public static final int ORDER = -1000;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseAllButProbes(HttpRequest<?> request) {
        if (request.isSecure() || isProbe(request.getPath())) {
            return null;
        }
        return HttpResponse.status(HttpStatus.NOT_FOUND);
    }

    static boolean isProbe(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/status");
    }
}

package io.vaultpki.monitor.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * With HTTPS on, the plain HTTP listener exists only for Kubernetes and Nomad probes, which cannot present a client
 * certificate: anything but {@code /health} and the Python exporter's {@code /status} (a bare {@code OK}/{@code NOK})
 * over plain HTTP is answered 404, so metrics and the status API stay behind TLS and client authentication.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.server.ssl.enabled", value = "true")
public class ProbesOnlyOverPlainHttp {

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

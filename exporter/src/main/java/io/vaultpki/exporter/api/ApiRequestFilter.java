package io.vaultpki.exporter.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.vaultpki.exporter.access.ApiPrincipal;
import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.audit.AuditEvent;
import io.vaultpki.exporter.audit.AuditSink;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Wraps every {@code /api/v1} request, before authentication: assigns its {@code X-Request-Id}, and once it is
 * answered, echoes the ID, counts the request and writes its audit line (a denial, a download, or any other
 * request), whatever the outcome.
 */
@ServerFilter(ApiRequestFilter.PATTERN)
public class ApiRequestFilter implements Ordered {

    public static final String PATTERN = "/api/v1/**";
    /** Runs before {@link AuthenticationFilter}, so 401s carry an ID and an audit line. */
    public static final int ORDER = 0;

    private final AuditSink audit;
    private final ApiMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public ApiRequestFilter(AuditSink audit, ApiMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    public void begin(HttpRequest<?> request) {
        ApiRequests.assignId(request);
        request.setAttribute(ApiRequests.STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = ApiRequests.id(request);
        if (id != null) {
            response.getHeaders().set(ApiRequests.REQUEST_ID_HEADER, id);
        }
        int status = response.code();
        metrics.request(BasicHttpAttributes.getUriTemplate(request).orElse("unmatched"), status);
        audit.record(event(request, status));
    }

    private AuditEvent event(HttpRequest<?> request, int status) {
        ApiPrincipal principal = ApiRequests.principal(request).orElse(null);
        String ip = ApiRequests.sourceIp(request);
        Actor actor = principal == null ? new Actor("anonymous", "-", ip) : new Actor(principal.type(), principal.name(), ip);
        ApiRequests.AuditNote note = ApiRequests.note(request);
        boolean denied = status == 401 || status == 403;
        String event = denied ? "auth.denied" : note.event() != null ? note.event() : "api.request";
        String outcome = denied ? "denied" : status < 400 ? "success" : "failure";
        AuditEvent e = new AuditEvent(clock.instant(), event, actor, ApiRequests.id(request), request.getMethodName(),
                request.getPath(), note.export(), note.file(), note.serial(), outcome, status,
                request.getAttribute(Problems.DETAIL, String.class).orElse(null), null, null, null);
        Long started = request.getAttribute(ApiRequests.STARTED, Long.class).orElse(null);
        return started == null ? e : e.withDuration(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}

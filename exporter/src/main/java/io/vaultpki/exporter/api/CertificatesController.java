package io.vaultpki.exporter.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.vaultpki.exporter.access.AccessDeniedException;
import io.vaultpki.exporter.access.ApiConfiguration;
import io.vaultpki.exporter.access.ApiPrincipal;
import io.vaultpki.exporter.access.Scope;
import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.config.ExporterConfiguration;
import io.vaultpki.exporter.export.ExportNotFoundException;
import io.vaultpki.exporter.export.ExportService;
import io.vaultpki.exporter.export.SpecInvalidException;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.FieldError;
import io.vaultpki.exporter.spec.SpecValidator;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/certificates}: list, read, create, change, delete and renew exports. Every call goes to the
 * {@link ExportService}; this class only checks the request (names, body, the principal's allow-list and write
 * policy, all before the service is called) and shapes the answer.
 */
@Controller(CertificatesController.BASE)
public class CertificatesController {

    static final String BASE = "/api/v1/certificates";

    private final ExportService exports;
    private final ApiConfiguration configuration;
    private final String defaultMount;

    public CertificatesController(ExportService exports, ApiConfiguration configuration,
                                  ExporterConfiguration exporter) {
        this.exports = exports;
        this.configuration = configuration;
        this.defaultMount = exporter.defaultMount();
    }

    @Get
    public HttpResponse<byte[]> list(HttpRequest<?> request) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        // the ledger is read only for exports with revoke-previous on: a file lookup per export per list is what
        // made a list of hundreds slow; one export's GET shows what an export that turned it off left pending
        List<Map<String, Object>> visible = exports.list().stream()
                .filter(s -> principal.mayAccess(s.name()))
                .map(s -> s.spec().revokePrevious() ? view(s) : ExportView.of(s, RevocationRecord.EMPTY))
                .toList();
        return json(HttpResponse.ok(), Map.of("certificates", visible));
    }

    @Get("/{name}")
    public HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable String name) {
        ExportStatus status = visible(request, name);
        RevocationRecord revocations = revocations(status);
        // the serial names the files; a revocation ledger (revoke-previous) changes without them, so it joins the tag
        String ledger = revocations.equals(RevocationRecord.EMPTY) ? ""
                : "-r" + Integer.toHexString(RevocationView.of(status.spec(), revocations).toString().hashCode());
        String etag = status.metadata().map(m -> "\"" + m.serial() + ledger + "\"").orElse(null);
        ApiRequests.note(request, ApiRequests.note(request).withSerial(status.metadata().map(m -> m.serial()).orElse(null)));
        if (etag != null && etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return HttpResponse.<byte[]>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        MutableHttpResponse<byte[]> response = json(HttpResponse.ok(), ExportView.of(status, revocations));
        return etag == null ? response : response.header(HttpHeaders.ETAG, etag);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> create(HttpRequest<?> request, @Nullable @Body byte[] body) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        ExportSpec spec = writableSpec(request, principal, body, null);
        ExportStatus created = exports.create(spec, actor(request, principal));
        noteSerial(request, created);
        return json(HttpResponse.created(URI.create(BASE + "/" + created.name())), view(created));
    }

    @Put("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> update(HttpRequest<?> request, @PathVariable String name, @Nullable @Body byte[] body) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        checkName(request, name);
        ExportSpec spec = writableSpec(request, principal, body, name);
        ExportStatus current = exports.get(name).orElseThrow(() -> new ExportNotFoundException(name));
        requireWritable(principal, current.spec());
        ExportStatus updated = exports.update(name, spec, actor(request, principal));
        noteSerial(request, updated);
        return json(HttpResponse.ok(), view(updated));
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String name,
                                     @Nullable @QueryValue String purge) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        boolean purgeFiles = purge(purge);
        ExportStatus current = visible(request, name);
        requireWritable(principal, current.spec());
        exports.delete(name, purgeFiles, actor(request, principal));
        return HttpResponse.noContent();
    }

    /** {@code purge} is {@code true} or {@code false} (or absent); anything else is a 400, never a delete. */
    private static boolean purge(String purge) {
        if (purge == null || purge.equalsIgnoreCase("false")) {
            return false;
        }
        if (purge.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadRequestException("purge", "must be true or false");
    }

    @Post("/{name}/renew")
    public HttpResponse<byte[]> renew(HttpRequest<?> request, @PathVariable String name) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        ExportStatus current = visible(request, name);
        requireWritable(principal, current.spec());
        ExportStatus renewed = exports.renew(name, actor(request, principal));
        noteSerial(request, renewed);
        return json(HttpResponse.ok(), view(renewed));
    }

    /** Parses, validates and policy-checks a body: 400, then 403, and only then may the service see it. */
    private ExportSpec writableSpec(HttpRequest<?> request, ApiPrincipal principal, byte[] body, String pathName) {
        if (body != null && body.length > configuration.maxBodyBytes()) {
            throw new BodyTooLargeException(configuration.maxBodyBytes());
        }
        ExportSpec parsed = ExportRequestParser.parse(body, pathName);
        // a body without a mount means the exporter's default mount (PKI_MOUNT_PATH), for validation, policy and Vault
        ExportSpec spec = parsed.mount() == null || parsed.mount().isBlank()
                ? parsed.toBuilder().mount(defaultMount).build() : parsed;
        if (SpecValidator.isValidName(spec.name())) {
            ApiRequests.note(request, ApiRequests.note(request).withExport(spec.name()));
        }
        List<FieldError> errors = SpecValidator.validate(spec);
        if (!errors.isEmpty()) {
            throw new SpecInvalidException(errors);
        }
        if (!principal.mayAccess(spec.name())) {
            throw new AccessDeniedException("export '" + spec.name() + "' is outside the exports of token '" + principal.name() + "'");
        }
        requireWritable(principal, spec);
        return spec;
    }

    private void requireWritable(ApiPrincipal principal, ExportSpec spec) {
        if (!principal.has(Scope.WRITE)) {
            throw new AccessDeniedException("token '" + principal.name() + "' lacks the 'write' scope");
        }
        principal.policy().refusal(spec, defaultMount).ifPresent(reason -> {
            throw new AccessDeniedException(reason);
        });
    }

    /** The export {@code name} if it exists and the principal may see it: 400 for a bad name, 403, 404. */
    private ExportStatus visible(HttpRequest<?> request, String name) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        checkName(request, name);
        if (!principal.mayAccess(name)) {
            throw new AccessDeniedException("export '" + name + "' is outside the exports of token '" + principal.name() + "'");
        }
        return exports.get(name).orElseThrow(() -> new ExportNotFoundException(name));
    }

    static void checkName(HttpRequest<?> request, String name) {
        if (!SpecValidator.isValidName(name)) {
            throw new BadRequestException("name", "must match ^[a-z0-9][a-z0-9._-]{0,62}$");
        }
        ApiRequests.note(request, ApiRequests.note(request).withExport(name));
    }

    private static void noteSerial(HttpRequest<?> request, ExportStatus status) {
        status.metadata().ifPresent(m -> ApiRequests.note(request, ApiRequests.note(request).withSerial(m.serial())));
    }

    static Actor actor(HttpRequest<?> request, ApiPrincipal principal) {
        return new Actor(principal.type(), principal.name(), ApiRequests.sourceIp(request));
    }

    private Map<String, Object> view(ExportStatus status) {
        return ExportView.of(status, revocations(status));
    }

    private RevocationRecord revocations(ExportStatus status) {
        try {
            return exports.revocations(status.name());
        } catch (ExportNotFoundException deletedMeanwhile) {
            return RevocationRecord.EMPTY;
        }
    }

    private static MutableHttpResponse<byte[]> json(MutableHttpResponse<?> response, Object body) {
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(ApiJson.writeBytes(body));
    }
}

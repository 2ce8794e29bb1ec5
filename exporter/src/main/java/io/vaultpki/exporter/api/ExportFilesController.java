package io.vaultpki.exporter.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.vaultpki.exporter.access.AccessDeniedException;
import io.vaultpki.exporter.access.ApiPrincipal;
import io.vaultpki.exporter.access.KeyTransportGuard;
import io.vaultpki.exporter.access.Scope;
import io.vaultpki.exporter.export.ExportNotFoundException;
import io.vaultpki.exporter.export.ExportService;
import io.vaultpki.exporter.files.StoredFileContent;
import io.vaultpki.exporter.spec.SpecValidator;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/certificates/{name}/files}: the list of an export's files and their download. Private files (keys,
 * PKCS#12, combined PEM) need the {@code keys} scope and a TLS or loopback connection, both checked before the
 * file is read; they are sent with {@code Cache-Control: no-store}.
 */
@Controller(CertificatesController.BASE + "/{name}/files")
public class ExportFilesController {

    private final ExportService exports;
    private final KeyTransportGuard transport;
    private final ApiMetrics metrics;

    public ExportFilesController(ExportService exports, KeyTransportGuard transport, ApiMetrics metrics) {
        this.exports = exports;
        this.transport = transport;
        this.metrics = metrics;
    }

    @Get
    public HttpResponse<String> list(HttpRequest<?> request, @PathVariable String name) {
        allowed(request, name);
        List<Map<String, Object>> files = exports.files(name).stream().map(ExportView::file).toList();
        return HttpResponse.ok(ApiJson.write(Map.of("files", files))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/{file}")
    public HttpResponse<byte[]> download(HttpRequest<?> request, @PathVariable String name, @PathVariable String file) {
        ApiPrincipal principal = allowed(request, name);
        if (!SpecValidator.isValidName(file)) {
            throw new BadRequestException("file", "must be a file name such as cert.pem");
        }
        boolean privateFile = ExportView.isPrivate(file);
        ApiRequests.note(request, ApiRequests.note(request).download(privateFile ? "key.download" : "cert.download", file, null));
        if (privateFile) {
            requireKeyAccess(request, principal);
        }
        StoredFileContent content = exports.file(name, file)
                .orElseThrow(() -> new NotFoundProblemException("export '" + name + "' has no file '" + file + "'"));
        if (!privateFile && (content.file().privateFile() || content.file().role() != null && content.file().role().isPrivate())) {
            // the service knows better than the name: never serve key material on a name we took for public
            privateFile = true;
            ApiRequests.note(request, ApiRequests.note(request).download("key.download", file, null));
            requireKeyAccess(request, principal);
        }
        ApiRequests.note(request, ApiRequests.note(request).withSerial(content.serial()));
        String etag = "\"" + content.file().sha256() + "\"";
        MutableHttpResponse<byte[]> response;
        if (etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else {
            response = HttpResponse.ok(content.bytes())
                    .contentType(content.file().contentType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
            if (privateFile) {
                metrics.keyDownload(name, principal.name());
            }
        }
        response.header(HttpHeaders.ETAG, etag);
        if (privateFile) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response;
    }

    private void requireKeyAccess(HttpRequest<?> request, ApiPrincipal principal) {
        if (!principal.has(Scope.KEYS)) {
            throw new AccessDeniedException("private files need the 'keys' scope, which token '" + principal.name() + "' lacks");
        }
        InetSocketAddress peer = request.getRemoteAddress();
        if (!transport.permits(request.isSecure(), peer == null ? null : peer.getAddress())) {
            throw new AccessDeniedException("private files are served only over TLS or to a loopback client"
                    + " (see " + "exporter.api.allow-insecure-key-transport" + ")");
        }
    }

    private ApiPrincipal allowed(HttpRequest<?> request, String name) {
        ApiPrincipal principal = ApiRequests.requirePrincipal(request);
        CertificatesController.checkName(request, name);
        if (!principal.mayAccess(name)) {
            throw new AccessDeniedException("export '" + name + "' is outside the exports of token '" + principal.name() + "'");
        }
        if (exports.get(name).isEmpty()) {
            throw new ExportNotFoundException(name);
        }
        return principal;
    }
}

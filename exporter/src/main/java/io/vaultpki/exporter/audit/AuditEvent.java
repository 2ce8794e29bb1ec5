package io.vaultpki.exporter.audit;

import java.time.Instant;

/**
 * One line of the audit log. Never holds key material, a password or a token: only names, serials and outcomes.
 *
 * @param time       when it happened
 * @param event      {@code api.request}, {@code key.download}, {@code cert.download}, {@code file.switch},
 *                   {@code file.delete}, {@code hook.run}, {@code vault.issue}, {@code vault.sign}, {@code vault.read},
 *                   {@code vault.revoke} (revoke-previous; the outcome word in {@code detail} on success),
 *                   {@code auth.denied}, {@code spec.changed}, {@code export.created}, {@code export.deleted}
 * @param actor      who
 * @param requestId  the API request's ID; {@code null} for system actions
 * @param method     HTTP method, for API events
 * @param route      request path, for API events
 * @param export     export name, if any
 * @param file       file name, for downloads and file events
 * @param serial     certificate serial, if known
 * @param outcome    {@code success}, {@code failure}, {@code denied}, {@code timeout}, {@code unchanged}
 * @param status     HTTP status, for API events
 * @param detail     short reason on failure (an error class and message, never a secret)
 * @param durationMs how long it took, if measured
 * @param hook       for {@code hook.run}: the configured hook's name
 * @param exitCode   for {@code hook.run}: the command's exit code; {@code null} when it did not exit by itself
 */
public record AuditEvent(Instant time, String event, Actor actor, String requestId, String method, String route,
                         String export, String file, String serial, String outcome, Integer status, String detail,
                         Long durationMs, String hook, Integer exitCode) {

    /** A system or API event with only the essentials; add the rest with the {@code with*} methods. */
    public static AuditEvent of(Instant time, String event, Actor actor, String export, String outcome) {
        return new AuditEvent(time, event, actor, null, null, null, export, null, null, outcome, null, null, null, null, null);
    }

    public AuditEvent withSerial(String value) {
        return new AuditEvent(time, event, actor, requestId, method, route, export, file, value, outcome, status, detail, durationMs, hook, exitCode);
    }

    public AuditEvent withFile(String value) {
        return new AuditEvent(time, event, actor, requestId, method, route, export, value, serial, outcome, status, detail, durationMs, hook, exitCode);
    }

    public AuditEvent withDetail(String value) {
        return new AuditEvent(time, event, actor, requestId, method, route, export, file, serial, outcome, status, value, durationMs, hook, exitCode);
    }

    public AuditEvent withDuration(long millis) {
        return new AuditEvent(time, event, actor, requestId, method, route, export, file, serial, outcome, status, detail, millis, hook, exitCode);
    }

    public AuditEvent withHook(String name, Integer exit) {
        return new AuditEvent(time, event, actor, requestId, method, route, export, file, serial, outcome, status, detail, durationMs, name, exit);
    }

    public AuditEvent withRequest(String id, String httpMethod, String path, Integer httpStatus) {
        return new AuditEvent(time, event, actor, id, httpMethod, path, export, file, serial, outcome, httpStatus, detail, durationMs, hook, exitCode);
    }
}

package io.vaultpki.exporter.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit event as one JSON line, fields in a fixed order, absent values left out. Free text ({@code detail}) is
 * stripped of control characters and cut short, so a line is always one line and stays small.
 */
final class AuditJson {

    static final int MAX_DETAIL = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditJson() {
    }

    static byte[] line(AuditEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "time", e.time() == null ? null : e.time().toString());
        put(out, "event", e.event());
        if (e.actor() != null) {
            Map<String, Object> actor = new LinkedHashMap<>();
            put(actor, "type", e.actor().type());
            put(actor, "name", e.actor().name());
            out.put("actor", actor);
            put(out, "source_ip", e.actor().sourceAddress());
        }
        put(out, "request_id", e.requestId());
        put(out, "method", e.method());
        put(out, "route", e.route());
        put(out, "export", e.export());
        put(out, "file", e.file());
        put(out, "serial", e.serial());
        put(out, "hook", e.hook());
        put(out, "outcome", e.outcome());
        put(out, "exit_code", e.exitCode());
        put(out, "status", e.status());
        put(out, "detail", e.detail() == null ? null : clean(e.detail()));
        put(out, "duration_ms", e.durationMs());
        try {
            return (MAPPER.writeValueAsString(out) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("audit event could not be encoded", ex);
        }
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String clean(String text) {
        String c = text.replaceAll("\\p{Cntrl}", " ").strip();
        return c.length() <= MAX_DETAIL ? c : c.substring(0, MAX_DETAIL - 1) + "…";
    }
}

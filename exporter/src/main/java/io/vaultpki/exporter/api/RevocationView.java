package io.vaultpki.exporter.api;

import io.vaultpki.exporter.files.PendingRevocation;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.spec.ExportSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code revocation} object of an export's JSON (revoke-previous): whether it is enabled, the replaced
 * certificates still to revoke with when each is due, and how the last revocation ended. Serials and outcomes only.
 */
final class RevocationView {

    private RevocationView() {
    }

    static Map<String, Object> of(ExportSpec spec, RevocationRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", spec.revokePrevious());
        List<Map<String, Object>> pending = new ArrayList<>();
        for (PendingRevocation p : record.pending()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("serial", p.serial());
            entry.put("replaced_at", time(p.replacedAt()));
            entry.put("due_at", time(p.dueAt()));
            entry.put("next_attempt", time(p.nextAttempt()));
            entry.put("attempts", p.attempts());
            entry.put("last_error", p.lastError() == null ? null : VaultErrors.text(p.lastError()));
            pending.add(entry);
        }
        out.put("pending", pending);
        RevocationRecord.Last last = record.last();
        out.put("last_serial", last == null ? null : last.serial());
        out.put("last_outcome", last == null ? null : last.outcome());
        out.put("last_time", last == null ? null : time(last.at()));
        out.put("last_error", last == null || last.error() == null ? null : VaultErrors.text(last.error()));
        return out;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}

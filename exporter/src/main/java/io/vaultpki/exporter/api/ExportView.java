package io.vaultpki.exporter.api;

import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.files.StoredFile;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Format;
import io.vaultpki.exporter.spec.NamingProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON of exports and file listings. Built field by field from the spec, status and metadata, so nothing that
 * was not chosen here (a CSR, a hook's command, key material) can reach a client by accident.
 */
final class ExportView {

    private ExportView() {
    }

    /** {@link #of(ExportStatus)} with the {@code revocation} object of revoke-previous. */
    static Map<String, Object> of(ExportStatus status, RevocationRecord revocations) {
        Map<String, Object> out = of(status);
        out.put("revocation", RevocationView.of(status.spec(), revocations));
        return out;
    }

    static Map<String, Object> of(ExportStatus status) {
        ExportSpec spec = status.spec();
        ExportMetadata meta = status.metadata().orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", spec.name());
        out.put("source", spec.source() == null ? null : spec.source().wire());
        out.put("origin", status.origin() == null ? null : status.origin().name().toLowerCase(Locale.ROOT));
        out.put("mount", meta != null && meta.mount() != null ? meta.mount() : spec.mount());
        out.put("role", spec.role());
        out.put("issuer_ref", spec.issuerRef());
        out.put("common_name", spec.commonName());
        out.put("alt_names", spec.altNames());
        out.put("ip_sans", spec.ipSans());
        out.put("uri_sans", spec.uriSans());
        out.put("ttl", GoDurationText.format(spec.ttl()));
        out.put("renew_before", GoDurationText.format(spec.renewBefore()));
        out.put("key_type", spec.keyType());
        out.put("key_bits", spec.keyBits() == 0 ? null : spec.keyBits());
        TreeSet<String> formats = new TreeSet<>();
        for (Format f : spec.formats()) {
            formats.add(f.wire());
        }
        out.put("formats", List.copyOf(formats));
        out.put("naming", spec.naming().wire());
        // the hook's name only: its command is the operator's configuration, never part of an export's JSON
        out.put("hook", spec.hook());
        out.put("legacy_hook_ignored", spec.legacyInlineHook());
        out.put("revoke_previous", spec.revokePrevious());
        out.put("serial", meta == null ? null : meta.serial());
        out.put("subject", meta == null ? null : meta.subject());
        out.put("not_before", time(meta == null ? null : meta.notBefore()));
        out.put("not_after", time(meta == null ? null : meta.notAfter()));
        Instant renewAt = status.nextAttempt() != null ? status.nextAttempt() : meta == null ? null : meta.renewAt();
        out.put("renew_at", time(renewAt));
        RenewWindowView.put(out, status);
        out.put("last_outcome", status.lastOutcome() == null ? null : status.lastOutcome().name().toLowerCase(Locale.ROOT));
        out.put("last_error", status.lastError() == null ? null : VaultErrors.text(status.lastError()));
        out.put("consecutive_failures", status.consecutiveFailures());
        out.put("last_success", time(status.lastSuccess()));
        // when the current files were switched in (the version's write time)
        out.put("last_switch", time(meta == null ? null : meta.writtenAt()));
        out.put("directory", status.directory() == null ? null : status.directory().toString());
        out.put("files", files(status, meta));
        return out;
    }

    /** The visible files of the current version (from its metadata), with their paths through the export directory. */
    private static List<Map<String, Object>> files(ExportStatus status, ExportMetadata meta) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (meta == null) {
            return out;
        }
        for (String name : meta.files().keySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("path", status.directory() == null ? null : status.directory().resolve(name).toString());
            out.add(f);
        }
        return out;
    }

    static Map<String, Object> file(StoredFile file) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", file.name());
        out.put("size", file.size());
        out.put("sha256", file.sha256());
        out.put("content_type", file.contentType());
        out.put("private", file.privateFile() || file.role() != null && file.role().isPrivate());
        return out;
    }

    /**
     * Whether {@code fileName} names a private file under any naming profile: decided before the file is read, and
     * on the safe side, so a key is never read for a caller that may not have it.
     */
    static boolean isPrivate(String fileName) {
        for (NamingProfile profile : NamingProfile.values()) {
            if (profile.fileFor(fileName).map(ExportFile::isPrivate).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}

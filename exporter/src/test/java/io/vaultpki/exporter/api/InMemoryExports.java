package io.vaultpki.exporter.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.export.ExportConflictException;
import io.vaultpki.exporter.export.ExportNotFoundException;
import io.vaultpki.exporter.export.ExportService;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.files.StoredFile;
import io.vaultpki.exporter.files.StoredFileContent;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.spec.ExportFile;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.spec.Origin;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An in-memory {@link ExportService} for the HTTP-layer tests: it holds exports and their file bytes in maps, so a
 * test can check statuses, scopes and audit lines without Vault; {@link #failNext} makes the next mutating call
 * throw what a real service would (a Vault exception, a conflict). The real service is tested against the emulator.
 */
@Singleton
@Replaces(ExportService.class)
@Requires(property = InMemoryExports.PROPERTY, value = "true")
public class InMemoryExports implements ExportService {

    public static final String PROPERTY = "test.in-memory-exports";
    public static final String KEY_BYTES = "-----BEGIN PRIVATE KEY-----\nTEST-KEY-MATERIAL-NEVER-LOGGED\n-----END PRIVATE KEY-----\n";

    private final Map<String, ExportStatus> exports = new ConcurrentHashMap<>();
    private final Map<String, Map<String, byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, RevocationRecord> revocations = new ConcurrentHashMap<>();
    private final AtomicReference<Supplier<RuntimeException>> failure = new AtomicReference<>();
    final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void reset() {
        exports.clear();
        files.clear();
        revocations.clear();
        failure.set(null);
        calls.clear();
    }

    void failNext(Supplier<RuntimeException> error) {
        failure.set(error);
    }

    /** Adds an API-origin export with a current version holding cert.pem and key.pem. */
    public ExportStatus put(ExportSpec spec) {
        return put(spec, Instant.parse("2026-11-23T10:00:00Z"));
    }

    /** Like {@link #put(ExportSpec)}, the certificate issued at {@code now} (72 h lifetime), for distinct expiries. */
    public ExportStatus put(ExportSpec spec, Instant now) {
        Map<String, byte[]> content = new TreeMap<>();
        String certName = spec.naming().fileName(ExportFile.CERT_PEM);
        content.put(certName, ("-----BEGIN CERTIFICATE-----\n" + spec.name() + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII));
        content.put(spec.naming().fileName(ExportFile.KEY_PEM), KEY_BYTES.getBytes(StandardCharsets.US_ASCII));
        Map<String, String> hashes = new TreeMap<>();
        content.forEach((k, v) -> hashes.put(k, sha256(v)));
        ExportMetadata meta = new ExportMetadata(spec.name(), spec.source().wire(), spec.mount(), spec.role(),
                spec.issuerRef(), "3c:9f:01:aa", "CN=" + spec.commonName(), spec.commonName(), spec.altNames(),
                spec.ipSans(), spec.uriSans(), now, now.plusSeconds(72 * 3600), "CN=Intermediate", null, 72 * 3600,
                now.plusSeconds(48 * 3600), false, spec.specHash(), "..2026-11-23T10.00.00Z.3c9f01aa", now, hashes);
        ExportStatus status = new ExportStatus(spec, Origin.API, Optional.of(meta), ExportStatus.Outcome.SUCCESS, null,
                0, now, now.plusSeconds(48 * 3600), Path.of("/exported-certs", spec.name()), null);
        exports.put(spec.name(), status);
        files.put(spec.name(), content);
        return status;
    }

    /** Sets the revocation ledger (revoke-previous) the service reports for {@code name}. */
    public void putRevocations(String name, RevocationRecord record) {
        revocations.put(name, record);
    }

    @Override
    public RevocationRecord revocations(String name) {
        if (!exports.containsKey(name)) {
            throw new ExportNotFoundException(name);
        }
        return revocations.getOrDefault(name, RevocationRecord.EMPTY);
    }

    private void maybeFail(String call) {
        calls.add(call);
        Supplier<RuntimeException> f = failure.getAndSet(null);
        if (f != null) {
            throw f.get();
        }
    }

    @Override
    public List<ExportStatus> list() {
        return new ArrayList<>(new TreeMap<>(exports).values());
    }

    @Override
    public Optional<ExportStatus> get(String name) {
        return Optional.ofNullable(exports.get(name));
    }

    @Override
    public ExportStatus create(ExportSpec spec, Actor actor) {
        maybeFail("create " + spec.name() + " by " + actor.name());
        if (exports.containsKey(spec.name())) {
            throw new ExportConflictException("an export named '" + spec.name() + "' already exists");
        }
        return put(spec);
    }

    @Override
    public ExportStatus update(String name, ExportSpec spec, Actor actor) {
        maybeFail("update " + name);
        if (!exports.containsKey(name)) {
            throw new ExportNotFoundException(name);
        }
        return put(spec);
    }

    @Override
    public void delete(String name, boolean purge, Actor actor) {
        maybeFail("delete " + name + " purge=" + purge);
        if (exports.remove(name) == null) {
            throw new ExportNotFoundException(name);
        }
        files.remove(name);
    }

    @Override
    public ExportStatus renew(String name, Actor actor) {
        maybeFail("renew " + name);
        ExportStatus s = exports.get(name);
        if (s == null) {
            throw new ExportNotFoundException(name);
        }
        return put(s.spec());
    }

    @Override
    public List<StoredFile> files(String name) {
        ExportStatus s = exports.get(name);
        if (s == null) {
            throw new ExportNotFoundException(name);
        }
        List<StoredFile> out = new ArrayList<>();
        files.get(name).forEach((file, bytes) -> out.add(stored(s.spec(), file, bytes)));
        return out;
    }

    @Override
    public Optional<StoredFileContent> file(String name, String fileName) {
        ExportStatus s = exports.get(name);
        if (s == null) {
            throw new ExportNotFoundException(name);
        }
        calls.add("file " + name + "/" + fileName);
        byte[] bytes = files.get(name).get(fileName);
        return bytes == null ? Optional.empty()
                : Optional.of(new StoredFileContent(stored(s.spec(), fileName, bytes), bytes, "3c:9f:01:aa"));
    }

    private static StoredFile stored(ExportSpec spec, String file, byte[] bytes) {
        ExportFile role = spec.naming().fileFor(file).orElseThrow();
        return new StoredFile(file, role, bytes.length, sha256(bytes), role.contentType(), role.isPrivate());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

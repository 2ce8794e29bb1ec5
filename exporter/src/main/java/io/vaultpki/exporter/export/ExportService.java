package io.vaultpki.exporter.export;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.files.RevocationRecord;
import io.vaultpki.exporter.files.StoredFile;
import io.vaultpki.exporter.files.StoredFileContent;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.spec.ExportSpec;

import java.util.List;
import java.util.Optional;

/**
 * The exports the exporter manages, as the API sees them. Every mutating call either completes (Vault answered,
 * files switched, spec persisted) or changes nothing at all.
 *
 * <p>Errors: {@link SpecInvalidException} (400), {@link ExportNotFoundException} (404),
 * {@link ExportConflictException} (409: name taken, config-defined export, renewal in progress),
 * {@link RenewalTooSoonException} (429), {@link ExporterStartingException} (503, before the export directory is
 * recovered), and Vault's typed {@link io.vaultpki.client.VaultException}s or
 * {@link io.vaultpki.exporter.material.MaterialException} / {@link io.vaultpki.exporter.files.InvalidMaterialException}
 * when Vault refused or answered badly: their {@link io.vaultpki.exporter.failure.Failures#reason reason} decides between 422 (Vault blames the
 * request) and 502/503/504 (the exporter's own trouble with Vault).
 */
public interface ExportService {

    List<ExportStatus> list();

    Optional<ExportStatus> get(String name);

    /** Issues (or reads) first, writes the files, then persists the spec; 409 if the name is taken. */
    ExportStatus create(ExportSpec spec, Actor actor);

    /** Replaces an API-defined export's spec and re-issues; config-defined exports are read-only (409). */
    ExportStatus update(String name, ExportSpec spec, Actor actor);

    /** Stops managing an API-defined export; {@code purge} also removes its directory. */
    void delete(String name, boolean purge, Actor actor);

    /** Renews (or re-reads) now, waiting for the result. */
    ExportStatus renew(String name, Actor actor);

    /** The files of the export's current version; 404 if the export is unknown. */
    List<StoredFile> files(String name);

    /** One file by its on-disk name, read from a single resolved version; empty if that file is not enabled. */
    Optional<StoredFileContent> file(String name, String fileName);

    /**
     * The export's revocation ledger (revoke-previous): replaced certificates still to revoke and the last outcome;
     * 404 if the export is unknown.
     */
    default RevocationRecord revocations(String name) {
        get(name).orElseThrow(() -> new ExportNotFoundException(name));
        return RevocationRecord.EMPTY;
    }
}

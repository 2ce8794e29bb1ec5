package io.vaultpki.exporter.export;

import io.vaultpki.exporter.audit.Actor;
import io.vaultpki.exporter.files.StoredFile;
import io.vaultpki.exporter.files.StoredFileContent;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.registry.ExportStatus;
import io.vaultpki.exporter.renewal.RenewalJob;
import io.vaultpki.exporter.spec.ExportSpec;

import java.util.List;
import java.util.Optional;

/**
 * The exporter's parts around one export root, wired as {@link ExporterFactory} wires them, for tests that drive the
 * lifecycle by hand: {@link #start()} is the start-up step, {@link #runDue(boolean)} one tick of the renewal job, and
 * the API's operations are the {@link ExportService} methods.
 */
final class LiveExports implements ExportService {

    final ExportRegistry registry;
    final StartupRecovery startup;
    final RenewalJob renewals;
    final ExportOperations operations;

    LiveExports(ExportRegistry registry, StartupRecovery startup, RenewalJob renewals, ExportOperations operations) {
        this.registry = registry;
        this.startup = startup;
        this.renewals = renewals;
        this.operations = operations;
    }

    void start() {
        startup.start();
    }

    void runDue(boolean wait) {
        renewals.runDue(wait);
    }

    List<ExportStatus> statuses() {
        return registry.statuses();
    }

    @Override
    public List<ExportStatus> list() {
        return operations.list();
    }

    @Override
    public Optional<ExportStatus> get(String name) {
        return operations.get(name);
    }

    @Override
    public ExportStatus create(ExportSpec spec, Actor actor) {
        return operations.create(spec, actor);
    }

    @Override
    public ExportStatus update(String name, ExportSpec spec, Actor actor) {
        return operations.update(name, spec, actor);
    }

    @Override
    public void delete(String name, boolean purge, Actor actor) {
        operations.delete(name, purge, actor);
    }

    @Override
    public ExportStatus renew(String name, Actor actor) {
        return operations.renew(name, actor);
    }

    @Override
    public List<StoredFile> files(String name) {
        return operations.files(name);
    }

    @Override
    public Optional<StoredFileContent> file(String name, String fileName) {
        return operations.file(name, fileName);
    }

    @Override
    public io.vaultpki.exporter.files.RevocationRecord revocations(String name) {
        return operations.revocations(name);
    }
}

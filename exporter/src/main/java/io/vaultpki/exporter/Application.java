package io.vaultpki.exporter;

import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Entry point of vault-pki-exporter. {@code --demo} runs it against an embedded, seeded Vault emulator.
 *
 * <p>Start-up order: configuration is checked and the HTTP port bound first; only then does the exporter recover the
 * export directory and call Vault (on the server's start-up event). A port that is taken therefore ends the process
 * with one line, before any certificate is issued or file written.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        try {
            Micronaut.build(args)
                    .banner(false)
                    .properties(ExporterDemo.propertiesIfRequested(args))
                    .mainClass(Application.class)
                    // exit code 0 means "rethrow instead of logging a stack trace and exiting": the catch below says
                    // it in one line; Micronaut handles the failure twice, the second time wrapped
                    .mapError(ServerStartupException.class, e -> PortInUse.message(e).isPresent() ? 0 : 1)
                    .mapError(ApplicationStartupException.class, e -> PortInUse.message(e).isPresent() ? 0 : 1)
                    .start();
        } catch (ApplicationStartupException e) {
            Optional<String> portInUse = PortInUse.message(e);
            if (portInUse.isEmpty()) {
                throw e;
            }
            LoggerFactory.getLogger(Application.class).error(portInUse.get());
            System.exit(1);
        }
    }
}

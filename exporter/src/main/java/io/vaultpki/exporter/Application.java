package io.vaultpki.exporter;

import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.exporter.access.ApiConfigurationException;
import io.vaultpki.exporter.once.OnceOptions;
import io.vaultpki.support.startup.AppLauncher;

import java.util.Map;

/**
 * Entry point of vault-pki-exporter. {@code --demo} runs it against an embedded, seeded Vault emulator;
 * {@code --once} brings the exports up to date without an HTTP server and exits ({@link OneShot}). A start-up
 * failure ends the process with one line on stderr naming the setting (see {@link AppLauncher}).
 */
public final class Application {

    static final String NAME = "vault-pki-exporter";

    private Application() {
    }

    public static void main(String[] args) {
        if (OnceOptions.requested(args) || OnceOptions.misuse(args).isPresent()) {
            // the only place a one-shot run ends the process: everything below returns its status
            System.exit(OneShot.run(args, Map.of(), System.out, System.err));
        }
        launcher().run(args, atExit -> ExporterDemo.propertiesIfRequested(args, atExit));
    }

    /** The exporter's launcher: how its start-up failures are told. */
    static AppLauncher launcher() {
        return AppLauncher.forApp(NAME, Application.class)
                .demoFlag(DemoVault.FLAG)
                .settingErrors(ApiConfigurationException.class)
                // the port is bound before the exporter touches the export directory or Vault (ExporterStartup)
                .portClash("EXPORTER_PORT", "Nothing was issued or written.");
    }
}

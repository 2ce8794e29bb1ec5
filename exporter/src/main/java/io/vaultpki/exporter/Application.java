package io.vaultpki.exporter;

import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.exporter.access.ApiConfigurationException;
import io.vaultpki.support.startup.AppLauncher;

/**
 * Entry point of vault-pki-exporter. {@code --demo} runs it against an embedded, seeded Vault emulator. A start-up
 * failure ends the process with one line on stderr naming the setting (see {@link AppLauncher}).
 */
public final class Application {

    static final String NAME = "vault-pki-exporter";

    private Application() {
    }

    public static void main(String[] args) {
        AppLauncher.forApp(NAME, Application.class)
                .demoFlag(DemoVault.FLAG)
                .settingErrors(ApiConfigurationException.class)
                // the port is bound before the exporter touches the export directory or Vault (ExporterStartup)
                .portClash("EXPORTER_PORT", "Nothing was issued or written.")
                .run(args, atExit -> ExporterDemo.propertiesIfRequested(args, atExit));
    }
}

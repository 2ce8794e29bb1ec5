package io.vaultpki.monitor;

import io.vaultpki.emulator.demo.DemoVault;
import io.vaultpki.support.startup.AppLauncher;

/**
 * Entry point of vault-pki-monitor. {@code --demo} runs it against an embedded, seeded Vault emulator. A start-up
 * failure ends the process with one line on stderr naming the setting (see {@link AppLauncher}).
 */
public final class Application {

    static final String NAME = "vault-pki-monitor";

    private Application() {
    }

    public static void main(String[] args) {
        AppLauncher.forApp(NAME, Application.class)
                .demoFlag(DemoVault.FLAG)
                .portClash("MONITOR_PORT", null)
                .run(args, atExit -> DemoVault.settingsIfRequested(args, atExit));
    }
}

package io.vaultpki.exporter;

import io.micronaut.runtime.Micronaut;
import io.vaultpki.emulator.demo.DemoVault;

/** Entry point of vault-pki-exporter. {@code --demo} runs it against an embedded, seeded Vault emulator. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .banner(false)
                .properties(DemoVault.settingsIfRequested(args))
                .mainClass(Application.class)
                .start();
    }
}

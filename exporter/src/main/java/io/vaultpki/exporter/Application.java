package io.vaultpki.exporter;

import io.micronaut.runtime.Micronaut;

/** Entry point of vault-pki-exporter. {@code --demo} runs it against an embedded, seeded Vault emulator. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .banner(false)
                .properties(ExporterDemo.propertiesIfRequested(args))
                .mainClass(Application.class)
                .start();
    }
}
